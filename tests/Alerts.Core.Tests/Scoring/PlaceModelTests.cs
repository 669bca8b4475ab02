using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Scoring;

/// <summary>Where a story happens and who acts in it, on topics other than the sample (see docs/scoring.md).</summary>
public sealed class PlaceModelTests
{
    private static readonly WatchTopic UsWildfires = TestSupport.Topic(
        "(wildfire* OR brushfire* OR \"forest fire\") (burn* OR evacuat* OR acre*)",
        new TopicConstraints { Places = ["United States"] });

    private static readonly WatchTopic SyrianKidnappings = TestSupport.Topic(
        "(kidnap* OR hostage* OR abduct* OR seiz*) (engineer* OR worker*)",
        new TopicConstraints { Places = ["Syria"] });

    [Fact]
    public void Score_RequiredPlaceNamedFarFromTheMatchedWords_SameAsTheWordsAlone()
    {
        // Arrange: the place holds, twenty-odd words from what the query matched.
        const string Title = "Crowds likely to top a million";
        const string Body = "As the Notting Hill Carnival enters its final day, police said they were pleased with how the first day went, "
            + "with more people than last year turning out to celebrate forty years of the west London event.";
        var words = TestSupport.Topic("\"Notting Hill\"");
        var inLondon = TestSupport.Topic("\"Notting Hill\"", new TopicConstraints { Places = ["London"] });

        // Act
        var plain = TestSupport.Match(words, Title, Body);
        var constrained = TestSupport.Match(inLondon, Title, Body);

        // Assert
        Assert.True(constrained!.ConstraintsHold, string.Join(" | ", constrained.Evidence.Select(e => e.Description)));
        Assert.Equal(plain!.Score, constrained.Score);
    }

    [Theory]
    [InlineData("Fire crews gain ground", "AUSTIN, Texas (Reuters) - A wildfire burned 3,000 acres and forced evacuations.")]
    [InlineData("Wildfire forces evacuations", "SACRAMENTO, Calif. - A wildfire burned homes in the hills east of the city.")]
    [InlineData("Wildfire burns 5,000 acres in Colorado", "Crews fought the blaze through the night.")]
    public void Alerts_StoryInAStateOfTheRequiredCountry_PlaceHolds(string title, string body)
    {
        // Act / Assert
        Assert.True(TestSupport.Alerts(UsWildfires, title, body));
    }

    [Theory]
    [InlineData("Bavaria", "Protesters march against welfare cuts", "MUNICH, Germany (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Jammu and Kashmir", "Rebels attack army post", "SRINAGAR, India (Reuters) - Militants attacked a post on Friday.")]
    [InlineData("Jammu and Kashmir", "Rebels attack army post", "Militants attacked a post in Indian Kashmir on Friday.")]
    [InlineData("Chechnya", "Rebels attack army post", "GROZNY, Russia (Reuters) - Militants attacked a post on Friday.")]
    [InlineData("Catalonia", "Protesters march against welfare cuts", "BARCELONA (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Sicily", "Protesters march against welfare cuts", "PALERMO, Italy (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Scotland", "Protesters march against welfare cuts", "GLASGOW (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Northern Ireland", "Protesters march against welfare cuts", "BELFAST (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Wales", "Protesters march against welfare cuts", "Thousands marched through Cardiff on Monday.")]
    [InlineData("Northern Ireland", "Protesters march in Derry", "Thousands marched through Derry on Monday.")]
    [InlineData("Northern Ireland", "Protesters march against welfare cuts", "LISBURN (Reuters) - Thousands marched on Monday.")]
    public void Alerts_CityOrRegionOfARequiredSubdivisionElsewhere_PlaceHolds(string place, string title, string body)
    {
        // Arrange
        var attacks = TestSupport.Topic("attack* OR march*", new TopicConstraints { Places = [place] });
        var notThere = TestSupport.Topic("attack* OR march*", new TopicConstraints { ExcludePlaces = [place] });

        // Act
        var required = TestSupport.Match(attacks, title, body);
        var excluded = TestSupport.Match(notThere, title, body);

        // Assert: a city outside North America and Australia lies in its state or province too.
        Assert.True(required!.Alert, string.Join(" | ", required.Evidence.Select(e => e.Description)));
        Assert.False(excluded!.Alert, string.Join(" | ", excluded.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("England", "England beat South Africa in first test", "JOHANNESBURG (Reuters) - England won by 77 runs on Monday.")]
    [InlineData("Scotland", "Scotland stun Italy", "ROME (Reuters) - Scotland won 2-1 on Saturday.")]
    public void Alerts_NationNamedAsWhoInAStoryAbroad_IsNotExcludedAsWhere(string nation, string title, string body)
    {
        // Arrange: a nation named bare is more often who (its team) than where, as a country is.
        var abroad = TestSupport.Topic("won", new TopicConstraints { ExcludePlaces = [nation] });

        // Act
        var match = TestSupport.Match(abroad, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("UN Signs Pact with New World Court Opposed by U.S.", "The United Nations signed a cooperation agreement on Monday with the new International Criminal Court.", true)]
    [InlineData("UN signs pact with new world court", "The United Nations signed an agreement with the International Criminal Court, despite objections to the tribunal from the United States.", true)]
    [InlineData("UN signs pact with new world court", "The court's plan, backed by the United States, was signed on Monday.", true)]
    [InlineData("UN signs pact with new world court", "The court will sit in the United States, the UN said on Monday.", false)]
    [InlineData("UN signs pact with new world court", "Judges flew from the United States to sign it on Monday.", false)]
    [InlineData("UN signs pact with new world court", "It was signed despite objections from Israel and the United States.", true)]
    [InlineData("UN signs pact with new world court", "The court, hosted by the United States, was set up on Monday.", false)]
    [InlineData("UN signs pact with new world court", "It faced opposition to the move from the United States.", true)]
    [InlineData("Court backs troop plan", "The court backed pressure to withdraw troops from the United States.", false)]
    [InlineData("Court backs pullout", "The court heard opposition to the pullout from the United States.", false)]
    public void Alerts_CountryNamedOnlyAsWhoReacts_IsNotWhereTheStoryHappens(string title, string body, bool expected)
    {
        // Arrange: the doer of a passive, or where objections come from, reacts to a story told elsewhere.
        var outsideTheUs = TestSupport.Topic("court", new TopicConstraints { ExcludePlaces = ["United States"] });

        // Act
        var match = TestSupport.Match(outsideTheUs, title, body);

        // Assert
        Assert.True(match!.Alert == expected, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("England")]
    [InlineData("Wales")]
    public void Alerts_EnglandAndWalesNamedTogether_HoldsEither(string nation)
    {
        // Arrange: ISO's code for "England and Wales" is no place of its own; the two nations are.
        var crime = TestSupport.Topic("crime", new TopicConstraints { Places = [nation] });

        // Act
        var match = TestSupport.Match(crime, "Crime falls in England and Wales", "Recorded crime fell 5 percent last year.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Scotland", "Scottish police arrest bomb suspect", true)]
    [InlineData("England", "Scottish police arrest bomb suspect", false)]
    [InlineData("United Kingdom", "Scottish police arrest bomb suspect", true)]
    [InlineData("Scottish", "London police arrest bomb suspect", false)]
    [InlineData("Northern Ireland", "Northern Irish police arrest bomb suspect", true)]
    [InlineData("Ireland", "Northern Irish police arrest bomb suspect", false)]
    public void Alerts_PeopleOfANationActing_PutTheStoryInTheirNation(string place, string title, bool expected)
    {
        // Arrange: "Scottish" people acting say where, as "Syrian gunmen" do, and they are Scotland's, not all Britain's.
        var arrests = TestSupport.Topic("arrest*", new TopicConstraints { Places = [place], Strict = true });

        // Act
        var match = TestSupport.Match(arrests, title, "Officers held a man on Monday.");

        // Assert
        Assert.True(expected == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_RequiredDistrictAndAStoryNamingItsNation_TheNationLiesAround()
    {
        // Arrange: "Cardiff" is read as the district, which lies in Wales.
        var storms = TestSupport.Topic("storm*", new TopicConstraints { Places = ["Cardiff"] });

        // Act
        var match = TestSupport.Match(storms, "Storm batters Wales", "Winds of 90 mph felled trees on Monday.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Scotland", "LONDON (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Northern Ireland", "Thousands marched through Birmingham, England, on Monday.")]
    [InlineData("England", "Thousands marched through Edinburgh on Monday.")]
    public void Alerts_StoryInAnotherNationOfBritain_PlaceFails(string nation, string body)
    {
        // Arrange: England, Scotland, Wales and Northern Ireland are Britain's subdivisions, not other names of Britain.
        var marches = TestSupport.Topic("march*", new TopicConstraints { Places = [nation] });
        var notThere = TestSupport.Topic("march*", new TopicConstraints { ExcludePlaces = [nation] });
        var inBritain = TestSupport.Topic("march*", new TopicConstraints { Places = ["United Kingdom"] });

        // Act
        var required = TestSupport.Match(marches, "Protesters march against welfare cuts", body);
        var excluded = TestSupport.Match(notThere, "Protesters march against welfare cuts", body);
        var british = TestSupport.Match(inBritain, "Protesters march against welfare cuts", body);

        // Assert
        Assert.False(required!.Alert, string.Join(" | ", required.Evidence.Select(e => e.Description)));
        Assert.True(excluded!.Alert, string.Join(" | ", excluded.Evidence.Select(e => e.Description)));
        Assert.True(british!.Alert, string.Join(" | ", british.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Paris", "Thousands protest in Paris", "Marchers filled the streets of the capital on Saturday.")]
    [InlineData("Berlin", "Protesters march against welfare cuts", "BERLIN (Reuters) - Thousands marched through the city on Monday.")]
    [InlineData("Shanghai", "Workers protest over unpaid wages", "SHANGHAI - Hundreds of workers gathered outside the factory.")]
    [InlineData("Kabul", "Protest turns violent", "KABUL (Reuters) - Hundreds of protesters gathered outside the ministry.")]
    [InlineData("Baghdad", "Protest turns violent", "BAGHDAD (Reuters) - Hundreds of protesters gathered outside the ministry.")]
    public void Alerts_RequiredCityThatSharesItsNameWithASubdivision_HoldsTheCity(string place, string title, string body)
    {
        // Arrange: the name is read as the subdivision ("Paris" is also a département), which holds its namesake city.
        var protests = TestSupport.Topic("protest*", new TopicConstraints { Places = [place] });

        // Act
        var match = TestSupport.Match(protests, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Mumbai", "BOMBAY (Reuters) - Hundreds of protesters gathered outside the ministry.")]
    [InlineData("Bombay", "MUMBAI (Reuters) - Hundreds of protesters gathered outside the ministry.")]
    [InlineData("Ukraine", "KIEV (Reuters) - Hundreds of protesters gathered outside the ministry.")]
    public void Alerts_CityNamedByItsEnglishOrFormerName_IsThatCity(string place, string body)
    {
        // Arrange
        var protests = TestSupport.Topic("protest*", new TopicConstraints { Places = [place], Strict = true });

        // Act
        var match = TestSupport.Match(protests, "Protest turns violent", body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Georgia, United States", "Storm floods Atlanta suburbs", "ATLANTA - Rain fell all night.", true)]
    [InlineData("Georgia, United States", "Storm floods Tbilisi suburbs", "TBILISI, Georgia - Rain fell all night.", false)]
    [InlineData("Paris, Texas", "Storm floods town", "PARIS, Texas - Rain fell all night.", true)]
    [InlineData("Paris, Texas", "Storm floods Paris suburbs", "PARIS (Reuters) - Rain fell all night.", false)]
    [InlineData("Kabul, Afghanistan", "Storm floods Kabul", "KABUL (Reuters) - Rain fell all night.", true)]
    public void Alerts_PlaceNamedWithItsCountryOrState_IsThatPlace(string place, string title, string body, bool expected)
    {
        // Arrange
        var storms = TestSupport.Topic("storm*", new TopicConstraints { Places = [place] });

        // Act
        var match = TestSupport.Match(storms, title, body);

        // Assert
        Assert.True(expected == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Darlington", "Floods hit the town", "DARLINGTON, England (Reuters) - Floods hit the town on Monday.", true)]
    [InlineData("Wrexham", "Floods hit the town", "WREXHAM, Wales (Reuters) - Floods hit the town on Monday.", true)]
    [InlineData("Wales", "Floods hit the town", "BANGOR, Wales (Reuters) - Floods hit the town on Monday.", true)]
    [InlineData("Northern Ireland", "Floods hit the town", "BANGOR, Wales (Reuters) - Floods hit the town on Monday.", false)]
    [InlineData("Oregon", "Floods hit the town", "PORTLAND, Maine (AP) - Floods hit the town on Monday.", false)]
    public void Alerts_TownQualifiedByItsNationOrState_IsTheTownThere(string place, string title, string body, bool expected)
    {
        // Arrange: the name after the comma picks the town of that name that lies there (a district named like its
        // town lies in its nation too).
        var floods = TestSupport.Topic("flood*", new TopicConstraints { Places = [place] });

        // Act
        var match = TestSupport.Match(floods, title, body);

        // Assert
        Assert.True(expected == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Australia", "Fire in Perth destroys church", "PERTH, Scotland (Reuters) - A fire destroyed a church on Monday.", false)]
    [InlineData("Scotland", "Fire in Perth destroys church", "PERTH, Scotland (Reuters) - A fire destroyed a church on Monday.", true)]
    [InlineData("Oregon", "Fire in Portland destroys church", "PORTLAND, Maine (AP) - A fire destroyed a church on Monday.", false)]
    [InlineData("Australia", "Fire in Perth destroys church", "PERTH (Reuters) - A fire destroyed a church on Monday.", true)]
    [InlineData("Australia", "Fire in Perth destroys church", "PERTH (Reuters) - A fire destroyed the church where a pastor born in Perth, Scotland, preached.", true)]
    [InlineData("Oregon", "Fire halts Kerry rally in Oregon", "Kerry will visit Oregon, Ohio and Pennsylvania this week.", true)]
    [InlineData("Australia", "Fire in Perth rugby ground", "In Perth, Scotland captain Chris Paterson saw a fire destroy the stand.", true)]
    [InlineData("Georgia, United States", "Athens students protest fire", "ATHENS, Ga. (AP) - Students protested after a fire on Monday.", true)]
    public void Alerts_TownQualifiedOnceInAStory_IsThatTownWhereverNamed(string place, string title, string body, bool expected)
    {
        // Arrange: the dateline's qualifier settles which Perth the story means, its headline's "Perth" included; a
        // comma elsewhere settles nothing (a list, a phrase, a second town of the name).
        var fires = TestSupport.Topic("fire*", new TopicConstraints { Places = [place] });

        // Act
        var match = TestSupport.Match(fires, title, body);

        // Assert
        Assert.True(expected == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("India", "Quake in the Indian Ocean")]
    [InlineData("China", "Storm sinks ship in the South China Sea")]
    [InlineData("Ireland", "Ferry sinks in the Irish Sea")]
    [InlineData("East Timor", "Tanker sinks in the Timor Sea")]
    public void Alerts_SeaNamedAfterAPlaceOrPeople_IsNotThePlace(string place, string title)
    {
        // Arrange: the waters are neither the country nor its people; the story names no place.
        var disasters = TestSupport.Topic("quake* OR storm* OR sinks", new TopicConstraints { Places = [place], Strict = true });

        // Act
        var match = TestSupport.Match(disasters, title, "Rescuers searched on Monday.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_ExcludedPressRegionNamedLikeItsTown_LeavesOutTheTownsDateline()
    {
        // Arrange: "Beslan" is a region of the press's and a town of North Ossetia; a topic means the one place.
        var kidnappings = TestSupport.Topic("kidnap*", new TopicConstraints { ExcludePlaces = ["Beslan"] });

        // Act
        var match = TestSupport.Match(kidnappings, "School siege ends", "BESLAN, Russia (Reuters) - Hostage-takers kidnapped children.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Kurdistan", "Clashes in Sadr City", "Fighting flared again in the Baghdad slum on Monday.")]
    [InlineData("Siberia", "Clashes in Chechnya", "Fighting flared again in the mountains on Monday.")]
    [InlineData("Tora Bora", "Clashes in Musa Qala", "Fighting flared again in the district on Monday.")]
    public void Alerts_RequiredPressRegion_IsNotAnotherRegionOfItsCountry(string region, string title, string body)
    {
        // Arrange: press regions written for Alerts were once one place per country's line.
        var clashes = TestSupport.Topic("clash* OR fighting", new TopicConstraints { Places = [region] });

        // Act
        var match = TestSupport.Match(clashes, title, body);

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_StoryInAnotherCountry_PlaceFails()
    {
        // Act
        var match = TestSupport.Match(UsWildfires, "Wildfire forces evacuations in Portugal", "A wildfire burned 3,000 acres near Lisbon.");

        // Assert
        Assert.False(match!.Alert);
        Assert.Contains(match.Evidence, e => e.Kind == "constraint");
    }

    [Fact]
    public void Alerts_PeopleOfThePlaceActing_PutTheStoryThere()
    {
        // Act
        var match = TestSupport.Match(SyrianKidnappings, "Syrian gunmen seize two Canadian engineers", "The engineers were taken from their car on Monday.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("place: Syrian", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_NoPlaceNamed_LetsTheWordsDecideUnlessStrict()
    {
        // Arrange
        var strict = UsWildfires with { Constraints = UsWildfires.Constraints! with { Strict = true } };
        const string title = "Wildfire burns 3,000 acres";
        const string body = "Crews fought the wildfire through the night as it burned toward homes.";

        // Act
        var lenient = TestSupport.Match(UsWildfires, title, body);
        var strictMatch = TestSupport.Match(strict, title, body);

        // Assert
        Assert.True(lenient!.Alert);
        Assert.Contains(lenient.Evidence, e => e.Description.Contains("not checked", StringComparison.Ordinal));
        Assert.False(strictMatch!.Alert);
        Assert.Contains(strictMatch.Evidence, e => e.Description == "no place named (the topic is strict)");
    }

    [Theory]
    [InlineData("Swimmer takes silver", "Kirsty Coventry of Zimbabwe, who trains at Auburn University in Alabama, took the silver medal in the Olympic pool.")]
    [InlineData("Judo: first medal for the Emirates", "A member of the ruling family became the first Olympic medallist from the United Arab Emirates.")]
    [InlineData("US edge out Brazil for Olympic gold", "The United States won the women's football final in extra time.")]
    [InlineData("Dream Team out of Olympic gold race after loss to Argentina", "The basketball team was beaten on Friday night.")]
    public void Alerts_PlacesNamedAsBackgroundOpponentOrOrigin_DoNotMoveTheStory(string title, string body)
    {
        // Arrange
        var olympics = TestSupport.Topic("(Olympic OR Olympics) (medal* OR gold OR silver OR bronze)", new TopicConstraints { Places = ["Greece"] });

        // Act
        var match = TestSupport.Match(olympics, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_PlaceAfterOutOf_StillMovesTheStory()
    {
        // Arrange
        var olympics = TestSupport.Topic("(Olympic OR Olympics) (team OR medal*)", new TopicConstraints { Places = ["Greece"] });

        // Act
        var match = TestSupport.Match(olympics, "Olympic team flies out of Brazil", "The medal hopes left Rio on Monday.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Theory]
    [InlineData("Oil company faces tax claim", "Embattled Russian oil giant Yukos faces a new tax claim, its lawyers in London said.")]
    [InlineData("Tax claim against oil company", "Russian prosecutors filed a new tax claim against Yukos, shareholders in London were told.")]
    public void Alerts_StateBodiesAndCompaniesOfThePlaceActing_PutTheStoryThere(string title, string body)
    {
        // Arrange
        var yukos = TestSupport.Topic("Yukos (tax OR claim*)", new TopicConstraints { Places = ["Russia"] });

        // Act
        var match = TestSupport.Match(yukos, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_HeadlineNamesWhereSupportersGather_ThatPlaceDoesNotMoveTheStory()
    {
        // Arrange
        var topic = TestSupport.Topic("(kidnap* OR hostage*) (Iraq OR Baghdad)", new TopicConstraints { Places = ["Iraq"] });

        // Act: the lead names the rally's city too, and the event's place only in words the query does not hold
        var match = TestSupport.Match(topic, "Crowds rally in Madrid for Spanish hostages", "Crowds marched through Madrid on Sunday to demand the release of two engineers seized in Baghdad last week.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_NationalityMatchedTogetherWithTheOtherWords_IsAnActor()
    {
        // Arrange
        var topic = TestSupport.Topic("(Israeli NEAR/3 (helicopter* OR troops)) Gaza", new TopicConstraints { ActorNationalities = ["Israel"] });

        // Act: the headline names only the victims; the body's actor is part of the matched words
        var match = TestSupport.Match(topic, "Two Palestinians killed in a night raid in Gaza", "Israeli helicopters fired missiles at a building in a refugee camp in Gaza.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_HeadlineReactionElsewhere_LeadPlacesTheEvent_PlaceHolds()
    {
        // Arrange
        var topic = TestSupport.Topic("(kidnap* OR hostage*) (aid OR worker* OR engineer*)", new TopicConstraints { Places = ["Iraq"] });

        // Act
        var match = TestSupport.Match(topic, "Thousands march in Ottawa for the hostages", "Two Canadian aid workers kidnapped in Iraq last week were shown in a video on Monday. Crowds gathered in the capital.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Hundreds of thousands marched through Hong Kong on Thursday demanding full democracy, in a rebuke to leaders in Beijing.", "China")]
    [InlineData("Opposition supporters rallied in Kiev on Monday demanding a new presidential election, and accused Moscow of meddling.", "Russia")]
    [InlineData("Thousands marched through Rome on Friday to demand the release of two aid workers held in Baghdad.", "Iraq")]
    public void Alerts_RallyThatIsTheTopicsOwnEvent_IsWhereTheStoryHappens(string lead, string excludedPlace)
    {
        // Arrange: protests anywhere but one country; the topic's own words are the march, so it is the story.
        var topic = TestSupport.Topic("march* OR rall* OR protest*", new TopicConstraints { ExcludePlaces = [excludedPlace] });

        // Act
        var match = TestSupport.Match(topic, "Protesters fill the streets", lead);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Italians march through Rome in a candlelit procession on Friday to demand the release of two aid workers.", false)]
    [InlineData("Thousands rallied in Rome on Friday, calling for the release of two aid workers.", false)]
    [InlineData("Kidnappers seized two aid workers in Rome on Friday and demanded a ransom.", true)]
    [InlineData("Aid workers rallied in Rome on Friday, urging them to vote, after a colleague's release from kidnappers.", true)]
    public void Alerts_RallyThatDemandsSomethingOfAStoryElsewhere_DoesNotMoveTheStory(string lead, bool alerts)
    {
        // Arrange: kidnappings outside Iraq; where people march to demand a release is not where the kidnapping is.
        var topic = TestSupport.Topic("(kidnap* OR hostage* OR release) (aid OR worker*)", new TopicConstraints { ExcludePlaces = ["Iraq"] });

        // Act
        var match = TestSupport.Match(topic, "Aid workers' plight", lead + " The two were seized in Baghdad last week.");

        // Assert
        Assert.True(alerts == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Rebels walk out of talks in Nigeria", true)]
    [InlineData("Peace summit on the rebellion opens at Abuja", true)]
    [InlineData("Rebels attack convoy in Nigeria", false)]
    [InlineData("After talks fail, rebels attack in Nigeria", false)]
    [InlineData("Rebels walk out of talks in northern Nigeria", true)]
    public void Alerts_HeadlineNamesOnlyTheVenueOfTalks_PlaceHoldsWhereTheSubjectIs(string title, bool alerts)
    {
        // Arrange: talks abroad about a conflict are about the conflict's country; an attack abroad is not.
        var topic = TestSupport.Topic("Darfur OR ((Sudan OR Sudanese) (rebel* OR militia*))", new TopicConstraints { Places = ["Sudan"] });
        const string Body = "ABUJA, Nigeria (Reuters) - Rebels from Sudan's Darfur region walked out on Wednesday, accusing Khartoum of bombing villages in Darfur.";

        // Act
        var match = TestSupport.Match(topic, title, Body);

        // Assert
        Assert.Equal(alerts, match!.Alert);
    }

    [Theory]
    [InlineData("Court imposes lawyer on Milosevic", "THE HAGUE (Reuters) - Judges imposed a defense counsel on former Yugoslav President Slobodan Milosevic in his war crimes trial.")]
    [InlineData("Milosevic startled: no applause", "It was to have been the day on which the former Serbian leader would lay out his defense in his war crimes trial.")]
    public void Alerts_TheCountrysLeaderOnTrialAbroad_PutsTheStoryInHisCountry(string title, string body)
    {
        // Arrange: a leader named with his nationality acts for his state, like "Israeli Prime Minister Ariel Sharon".
        var topic = TestSupport.Topic("Milosevic (trial OR tribunal OR lawyer* OR counsel OR defense)", new TopicConstraints { Places = ["Serbia"] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_HeadlineSendsForcesElsewhere_PlaceFails()
    {
        // Arrange
        var topic = TestSupport.Topic("(troop* OR soldier*) (Afghanistan OR Afghan)", new TopicConstraints { Places = ["Afghanistan"] });

        // Act
        var match = TestSupport.Match(topic, "Poland to send 300 more troops to Iraq", "Warsaw said the extra soldiers would join the division south of Baghdad; some served in Afghanistan.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Theory]
    [InlineData("Freedom on the March in Iraq, Bush Tells Voters", "President Bush told voters at a campaign rally on Thursday that freedom was on the march.")]
    [InlineData("GOP Urge Bush to Turn Attention From Iraq", "Nervous Republicans urged President Bush to shift voters' focus at the convention next week.")]
    public void Alerts_HeadlineReportsWhatSomeoneSaidAboutAPlace_ThatPlaceDoesNotMoveTheStory(string title, string body)
    {
        // Arrange
        var topic = TestSupport.Topic("(Bush OR Kerry) (voters OR campaign* OR convention)", new TopicConstraints { Places = ["United States"] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_HeadlineReportsSpeechAboutForcesSentElsewhere_PlaceFails()
    {
        // Arrange
        var topic = TestSupport.Topic("(troop* OR soldier*) (Afghanistan OR Afghan)", new TopicConstraints { Places = ["Afghanistan"] });

        // Act: what was said is where the matched words happen
        var match = TestSupport.Match(topic, "Poland says it will send 300 more troops to Iraq", "Warsaw said the extra soldiers would join the division south of Baghdad; some served in Afghanistan.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Theory]
    [InlineData("Prime minister faces a challenge", "WASHINGTON (Reuters) - Israeli Prime Minister Ariel Sharon faces a new challenge to his pullout plan after a rival demanded a referendum.")]
    [InlineData("Vote on the pullout", "WASHINGTON (Reuters) - Israeli Prime Minister Ariel Sharon will put the pullout plan to a cabinet vote next week, officials here said.")]
    public void Alerts_TheStateOfThePlaceActing_PutsTheStoryThere(string title, string body)
    {
        // Arrange
        var topic = TestSupport.Topic("(Sharon OR Likud) (pullout OR referendum)", new TopicConstraints { Places = ["Israel"] });

        // Act: told from Washington; Israel's head of government acts
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_ThePeopleOfThePlaceActing_PutTheStoryThereFromAbroad()
    {
        // Arrange
        var topic = TestSupport.Topic("(Afghan* OR Karzai) NEAR/10 (election* OR vote*)", new TopicConstraints { Places = ["Afghanistan"] });

        // Act: told from Washington; the Afghans prepare for the vote
        var match = TestSupport.Match(topic, "Karzai seen as the favourite", "WASHINGTON (Online) - As Afghans prepare for their first presidential elections on Saturday, Karzai leads a field of rivals.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_ThePeopleActingInAnotherCountry_DoNotPutTheStoryHome()
    {
        // Arrange
        var topic = TestSupport.Topic("(Iraq* OR Baghdad) (vot* OR election*)", new TopicConstraints { Places = ["Iraq"], Strict = true });

        // Act: the Iraqis act, but in Jordan
        var match = TestSupport.Match(topic, "Expatriates cast ballots", "AMMAN (Reuters) - Iraqis in Jordan began voting on Friday, officials said.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Fact]
    public void Alerts_TheStatesOfferOrPlan_PutsTheStoryInItsPlace()
    {
        // Arrange
        var topic = TestSupport.Topic("(\"North Korea\" OR \"North Korean\" OR Pyongyang) (nuclear OR \"six-party\")", new TopicConstraints { Places = ["North Korea"] });

        // Act: told from Seoul, about Pyongyang's offer
        var match = TestSupport.Match(topic, "Envoy turns down offer", "The US envoy arrived in Seoul on Tuesday after turning down a North Korean offer to resume the six-party nuclear talks.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Finance minister threatens to quit over Gaza", "JERUSALEM (Reuters) - The finance minister said he would leave the cabinet unless a referendum was held on the pullout from Gaza.")]
    [InlineData("Egypt steps back on Gaza pullout role", "JERUSALEM (Reuters) - Egypt said it could not help prepare the pullout from Gaza while the violence went on, Israeli officials said.")]
    public void Alerts_PlaceThatIsACauseOrTheObjectOfAStepBack_DoesNotMoveTheStory(string title, string body)
    {
        // Arrange
        var topic = TestSupport.Topic("(Gaza OR cabinet OR minister) (pullout OR referendum)", new TopicConstraints { Places = ["Israel"] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Jets flew over Gaza", "Fighter jets flew low over the town on Monday, witnesses said.")]
    [InlineData("Plane shot down over Iraq", "The aircraft was hit by a missile on Monday, the military said.")]
    [InlineData("Hurricane roars over Bahamas", "The storm's winds tore roofs from homes and flooded streets, officials said.")]
    public void Alerts_WhatIsOverAPlace_IsThere(string title, string body)
    {
        // Arrange
        var topic = TestSupport.Topic("(jets OR aircraft OR storm*) (flew OR missile OR winds)", new TopicConstraints { Places = ["Egypt"] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.False(match!.Alert);
    }

    [Fact]
    public void Alerts_OnlyWhoIsNamed_DoesNotPutTheStoryElsewhere()
    {
        // Arrange
        var topic = TestSupport.Topic("(gold OR medal*) (Olympic* OR Games)", new TopicConstraints { Places = ["Greece"] });

        // Act: the United States and China are who, not where.
        var match = TestSupport.Match(topic, "U.S. swimmer wins Olympic gold", "Michael Phelps beat two Chinese rivals to take his fifth gold medal of the Games.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("place: the story does not say where", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cambodia's Legislature Bars Government from Pardoning Khmer Rouge")]
    [InlineData("Japan parliament passes pension bill")]
    [InlineData("Israeli cabinet approves pension bill")]
    [InlineData("Spain's High Court backs pension bill")]
    [InlineData("Japan's upper house passes pension bill")]
    public void Alerts_AHeadlineCountryBeforeItsLegislature_PutsTheStoryThere(string title)
    {
        // Arrange
        var topic = TestSupport.Topic("legislators OR lawmakers OR bill", new TopicConstraints { Places = ["United States"] });

        // Act: a country's legislature sits at home, so the vote is not an American one.
        var match = TestSupport.Match(topic, title, "Legislators today approved the bill by a wide margin.");

        // Assert
        Assert.False(match!.Alert);
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("the story happens elsewhere", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Japan urges action on trade bill")]
    [InlineData("Georgia Senate passes gay marriage bill")]
    [InlineData("Japan courts Gulf oil producers over bill")]
    [InlineData("UK lawmakers tour tsunami zone before bill")]
    [InlineData("Japanese cabinet minister tours tsunami-hit coast over bill")]
    [InlineData("US court-martial jails abuse soldier under bill")]
    [InlineData("Japanese assembly plant adds jobs after bill")]
    [InlineData("Iraqi National Congress backs bill")]
    [InlineData("Latin American parliament meets on trade bill")]
    public void Alerts_AHeadlineCountryBeforeOtherWords_StillOnlySaysWho(string title)
    {
        // Arrange
        var topic = TestSupport.Topic("legislators OR lawmakers OR bill", new TopicConstraints { Places = ["United States"] });

        // Act: who speaks, a state named like a country, "courts" as a verb, legislators, ministers and courts-martial
        // abroad, a factory's assembly, a party's name and a wider people say no place of a country's own bodies at home.
        var match = TestSupport.Match(topic, title, "Legislators today approved the bill by a wide margin.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Extra troops arrive", "SEOUL (Reuters) - Fresh troops arrived on Monday, officials said.")]
    [InlineData("Extra troops arrive", "The government said fresh troops in Iraq would stay until spring.")]
    public void Alerts_TheEventIsPlacedElsewhere_PlaceFails(string title, string body)
    {
        // Arrange
        var topic = TestSupport.Topic("troop* OR soldier*", new TopicConstraints { Places = ["Afghanistan"] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.False(match!.Alert);
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("the story happens elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_NationalityAfterTheIsNotCountedFromThe_EmbassyAbroadIsElsewhere()
    {
        // Arrange: distance from the matched words is counted from "the" only for places, not for people.
        var attacksInIsrael = TestSupport.Topic("attack*", new TopicConstraints { Places = ["Israel"] });

        // Act
        var match = TestSupport.Match(attacksInIsrael, "Embassy attacked", "Gunmen launched an attack on the Israeli embassy in Cairo on Monday.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_NationalityOfSomeonesAncestry_DoesNotPutTheStoryThere()
    {
        // Arrange
        var moroccanCrime = TestSupport.Topic("murder*", new TopicConstraints { Places = ["Morocco"] });

        // Act
        var match = TestSupport.Match(moroccanCrime, "Filmmaker's murder shakes a nation", "The murder of a filmmaker by a young Muslim of Moroccan descent has shaken the country.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("required place only named as a nationality", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_PeopleOfSomeonesAncestryActing_DoNotPutTheStoryThere()
    {
        // Arrange
        var moroccanCrime = TestSupport.Topic("murder*", new TopicConstraints { Places = ["Morocco"] });

        // Act
        var match = TestSupport.Match(moroccanCrime, "Filmmaker killed", "A Dutchman of Moroccan descent murdered the filmmaker on Tuesday.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_OriginOfGoods_StillNamesThePlace()
    {
        // Arrange: only people have a descent; goods of American origin still name the United States.
        var beefTrade = TestSupport.Topic("beef (ban OR banned)", new TopicConstraints { Places = ["United States"] });

        // Act
        var match = TestSupport.Match(beefTrade, "Beef ban stays", "Japan banned beef of American origin after a case of mad cow disease.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_PlacesDescentIntoSomething_IsStillThePlace()
    {
        // Arrange: a possessive is the place's own, not someone's ancestry.
        var venezuelaCrisis = TestSupport.Topic("crisis OR chaos", new TopicConstraints { Places = ["Venezuela"] });

        // Act
        var match = TestSupport.Match(venezuelaCrisis, "Opposition warns of chaos", "The opposition warned of Venezuela's descent into chaos after the vote.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }
}
