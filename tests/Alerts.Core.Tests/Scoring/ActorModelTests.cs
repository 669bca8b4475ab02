using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Scoring;

/// <summary>Who acts in a story, on topics other than the sample (see docs/scoring.md).</summary>
public sealed class ActorModelTests
{
    private static readonly WatchTopic ForeignHostages = TestSupport.Topic(
        "(hostage* OR kidnap*) (Iraq OR Iraqi OR Baghdad)",
        new TopicConstraints { ExcludeActorNationalities = ["Iraq"] });

    [Fact]
    public void Alerts_ExcludedCountryNamedAsWhere_IsNotTheOnlyActor()
    {
        // Act
        var match = TestSupport.Match(ForeignHostages, "Iraq video shows hostage deaths", "A video apparently shows the killing of two hostages in Iraq.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_OnlyPeopleOfTheExcludedNationality_ConstraintFails()
    {
        // Act
        var match = TestSupport.Match(ForeignHostages, "Iraqi policeman kidnapped in Baghdad", "Gunmen seized an Iraqi policeman on Monday.");

        // Assert
        Assert.False(match!.Alert);
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Europe", "French pilots strike over pay", true)]
    [InlineData("Europe", "Brazilian pilots strike over pay", false)]
    [InlineData("the Middle East", "Israeli pilots strike over pay", true)]
    public void Alerts_RegionAsActorNationality_AnyOfItsPeopleActs(string region, string title, bool expected)
    {
        // Arrange: a world region stands for each of its countries, as it does in places.
        var strikes = TestSupport.Topic("strike*", new TopicConstraints { ActorNationalities = [region], Strict = true });
        var notTheirs = TestSupport.Topic("strike*", new TopicConstraints { ExcludeActorNationalities = [region], Strict = true });

        // Act
        var match = TestSupport.Match(strikes, title, "Flights were cancelled on Monday.");
        var excluded = TestSupport.Match(notTheirs, title, "Flights were cancelled on Monday.");

        // Assert
        Assert.True(expected == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.True(expected != excluded!.Alert, string.Join(" | ", excluded.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("England squad named for Zimbabwe tour", "HARARE (Reuters) - England named a 15-man squad on Monday.", true)]
    [InlineData("Scotland squad named for Zimbabwe tour", "HARARE (Reuters) - Scotland named a 15-man squad on Monday.", true)]
    [InlineData("Zimbabwe squad named", "CARDIFF, Wales (Reuters) - Zimbabwe named a 15-man squad on Monday.", false)]
    public void Alerts_NationOfBritainActing_IsABritishActor(string title, string body, bool british)
    {
        // Arrange: England and Scotland are Britain's subdivisions, and named as acting, its people; in a dateline, where.
        var britishSquads = TestSupport.Topic("squad*", new TopicConstraints { ActorNationalities = ["United Kingdom"], Strict = true });

        // Act
        var match = TestSupport.Match(britishSquads, title, body);

        // Assert
        Assert.True(british == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("US troops killed in Iraq", "Two soldiers died in a roadside bombing on Monday.")]
    [InlineData("U.S. troops storm Najaf mosque", "The fighting went on for a third day.")]
    [InlineData("Fighting in Najaf", "Two US troops died in Iraq on Monday.")]
    public void Alerts_ExcludedCountryNamingItsOwnTroops_ActsAndTheConstraintFails(string title, string body)
    {
        // Arrange: allied troops in Iraq, the Americans' own left out.
        var allies = TestSupport.Topic("troops", new TopicConstraints { ExcludeActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(allies, title, body);

        // Assert: "US troops" are the Americans, as "American troops" are; initials are named with their full stops.
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description == "actors are only " + (title.StartsWith("U.S.", StringComparison.Ordinal) ? "U.S." : "US"));
    }

    [Theory]
    [InlineData("Iraq", "Bush unveils Iraq troop plan", "The plan keeps troops there through 2005.")]
    [InlineData("Afghanistan", "More Afghanistan troops needed, general says", "NATO is short of soldiers for the election.")]
    [InlineData("United Kingdom", "Acme buys UK firm", "Acme said it would pay cash.")]
    public void Alerts_ExcludedCountrysFullNameOrACompanyAfterIt_DoesNotAct(string excluded, string title, string body)
    {
        // Arrange: a full name before troops is usually where they go; a firm after initials is often the one bought.
        var topic = TestSupport.Topic("troop* OR soldiers OR firm", new TopicConstraints { ExcludeActorNationalities = [excluded] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_ExcludedCountrysInitialsBeforeItsMilitary_ActsAndTheConstraintFails()
    {
        // Arrange
        var allies = TestSupport.Topic("troops OR insurgents", new TopicConstraints { ExcludeActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(allies, "US military says troops killed 50 insurgents", "The fighting was in Samarra.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_ExcludedCountryBesideAnotherCountrysTroops_TheOthersAct()
    {
        // Arrange
        var allies = TestSupport.Topic("troops", new TopicConstraints { ExcludeActorNationalities = ["United States"] });

        // Act: the US is where the decision is reported from, Poland's troops act.
        var match = TestSupport.Match(allies, "Poland to cut its troops in Iraq, US told", "Warsaw said its troops would leave next year.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("England")]
    [InlineData("Scotland")]
    [InlineData("Wales")]
    public void Alerts_NationOfBritainAsTheRequiredNationality_StandsForBritain(string nation)
    {
        // Arrange: who acts is read by country; a topic written with a nation (accepted before the nations became
        // Britain's subdivisions) still asks for British actors.
        var squads = TestSupport.Topic("squad*", new TopicConstraints { ActorNationalities = [nation], Strict = true });

        // Act
        var british = TestSupport.Match(squads, "England squad named for Zimbabwe tour", "HARARE (Reuters) - England named a 15-man squad on Monday.");
        var zimbabwean = TestSupport.Match(squads, "Zimbabwe squad named", "HARARE (Reuters) - Zimbabwe named a 15-man squad on Monday.");

        // Assert
        Assert.True(british!.Alert, string.Join(" | ", british.Evidence.Select(e => e.Description)));
        Assert.False(zimbabwean!.Alert, string.Join(" | ", zimbabwean.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Justice Department indicts German chipmaker Infineon", "The company was charged with fixing memory-chip prices.")]
    [InlineData("Prosecutors indict two Yemeni men", "The men were charged with funding militants.")]
    [InlineData("Federal jury convicts Saudi student", "The man was convicted of lying to investigators.")]
    public void Alerts_RequiredNationalityAndOnlyThePeopleTheLawActedOnNamed_WordsDecide(string title, string body)
    {
        // Arrange: a US justice topic; who is indicted, charged or convicted is acted upon, not who acts.
        var justice = TestSupport.Topic("indict* OR charg* OR convict*", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(justice, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Soldier pleads guilty to abusing Iraqi prisoners", "A reservist admitted the abuse at a military court on Wednesday.")]
    [InlineData("Iraqi detainees describe abuse", "They said they were beaten in custody last year.")]
    [InlineData("Two Iraqi prisoners were abused, inquiry finds", "An inquiry found that guards beat the men in custody.")]
    public void Alerts_RequiredNationalityAndOnlyThePeopleItHappenedToNamed_WordsDecide(string title, string body)
    {
        // Arrange
        var abuse = TestSupport.Topic("(abuse* OR beaten) (prisoner* OR detainee* OR custody)", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(abuse, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actor: only the people it happened to are named", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Generals may pay for Iraq abuse", "Four officers were criticised in two reports.", true)]
    [InlineData("Charges dropped for Iraq jail reservist", "A hearing on the abuse of detainees ended on Tuesday.", true)]
    [InlineData("British abuse of detainees condemned", "Four soldiers face courts-martial.", false)]
    [InlineData("British prison officers suspended over abuse", "Inmates complained of beatings.", false)]
    [InlineData("Egypt torture routine, rights group says", "Security police beat suspects in custody, the group said.", false)]
    public void Alerts_RequiredNationalityAndACountryNamedBeforeItsJailOrAbuse_CountryIsWhereNotWho(string title, string body, bool alerts)
    {
        // Arrange: "for Iraq abuse" is abuse there; "British abuse", a country opening the headline, say who did it.
        var abuse = TestSupport.Topic("abuse* OR jail OR tortur*", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(abuse, title, body);

        // Assert
        Assert.True(alerts == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Two car bombs kill 10 Iraqis in Baghdad", "Two car bombs shook the capital on Sunday, killing at least 10 Iraqis and wounding 16.")]
    [InlineData("Car bombs hit Baghdad", "Two car bombs shook the capital on Sunday, killing more than 20 Iraqis.")]
    public void Alerts_RequiredNationalityAndVictimsCountedAfterTheHarm_WordsDecide(string title, string body)
    {
        // Arrange
        var insurgency = TestSupport.Topic("(bomb* OR killing) Baghdad", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(insurgency, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_RequiredNationalityAndVictimsKidnapped_WordsDecide()
    {
        // Arrange
        var militancy = TestSupport.Topic("kidnap* OR militant*", new TopicConstraints { ActorNationalities = ["Pakistan"] });

        // Act
        var match = TestSupport.Match(militancy, "Chinese engineers kidnapped in Pakistan", "Elders are negotiating with the kidnappers of two Chinese engineers.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_RequiredNationalityAndOnlyTheRecipientsNamed_WordsDecide()
    {
        // Arrange
        var militancy = TestSupport.Topic("abduct* OR militant*", new TopicConstraints { ActorNationalities = ["Pakistan"] });

        // Act
        var match = TestSupport.Match(
            militancy,
            "After abduction, police to give extra security to Chinese",
            "Police will pursue the militant who masterminded the abduction of two engineers, the interior minister said.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actor: only the people it happened to are named", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Militants attack convoy, according to Chinese officials")]
    [InlineData("Diving gold goes to Chinese pair")]
    [InlineData("Thanks to Chinese pressure, militants attack no more")]
    public void Alerts_RequiredNationalityAndOthersAfterAToThatGivesNothing_ConstraintFails(string title)
    {
        // Arrange
        var topic = TestSupport.Topic("gold OR militant* OR attack*", new TopicConstraints { ActorNationalities = ["Japan"] });

        // Act
        var match = TestSupport.Match(topic, title, "No one else commented.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("(Japan OR Japanese) (seats OR \"Security Council\")", "Japan", "4 nations lobby jointly for permanent seats", "UNITED NATIONS - Japan, Brazil, Germany and India formed a lobbying group to help one another get permanent seats on the Security Council.", true)]
    [InlineData("Brazil football", "Brazil", "US edge out Brazil for gold", "The United States beat Brazil 2-1 in extra time to win the women's Olympic football tournament.", true)]
    [InlineData("(Indonesia OR Indonesian) militant*", "Indonesia", "Footage shows 10 new hostages", "BAGHDAD, Iraq - A network showed video of hostages seized by militants.    It said six were Iraqis and two Indonesian women.", false)]
    public void Alerts_RequiredNationalityTheQueryMatched_ActsInTheHeadlineAndLeadOnly(string query, string nationality, string title, string body, bool expected)
    {
        // Arrange: the nationality is itself the matched word, no other matched word beside it.
        var topic = TestSupport.Topic(query, new TopicConstraints { ActorNationalities = [nationality] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.Equal(expected, match!.Alert);
    }

    [Fact]
    public void Alerts_ExcludedNationalityAndOnlyABodyOfNationsInTheHeadline_TheBodyDoesNotAct()
    {
        // Arrange: "UN" matched by the query acts only attached to matched words, even in the headline.
        var topic = TestSupport.Topic("(UN OR foreign) troops", new TopicConstraints { ExcludeActorNationalities = ["Sudan"], Strict = true });

        // Act
        var match = TestSupport.Match(topic, "UN report blames Khartoum", "Sudanese troops and militias attacked villages in Darfur last month, killing hundreds of civilians, the report said.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Fact]
    public void Alerts_RequiredNationalityAndOthersActing_ConstraintFails()
    {
        // Arrange
        var usOperations = TestSupport.Topic("(killed OR raid*) (insurgent* OR militant*)", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act: the troops act, so they answer who did it.
        var match = TestSupport.Match(usOperations, "Iraqi troops killed five insurgents in a raid", "The raid took place at dawn.");

        // Assert
        Assert.False(match!.Alert);
        Assert.Contains(match.Evidence, e => e.Description == "actors are only Iraqi");
    }

    [Fact]
    public void Alerts_StrictRequiredNationalityAndOnlyVictimsNamed_ConstraintFails()
    {
        // Arrange
        var abuse = TestSupport.Topic("abuse* (prisoner* OR detainee*)", new TopicConstraints { ActorNationalities = ["United States"], Strict = true });

        // Act
        var match = TestSupport.Match(abuse, "Iraqi detainees describe abuse", "They said they were beaten in custody last year.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Fact]
    public void Alerts_NationalityQualifyingAPlace_IsNoActor()
    {
        // Arrange
        var usOperations = TestSupport.Topic("fighting Fallujah", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(usOperations, "Wounded troops detail fierce fight", "They described intense fighting in the Iraqi city of Fallujah.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_QueryNameOfUnknownNationalityActs_OtherNationalitiesDoNotDecide()
    {
        // Arrange
        var russianTennis = TestSupport.Topic("Sharapova OR (Russian tennis)", new TopicConstraints { ActorNationalities = ["Russia"] });

        // Act
        var match = TestSupport.Match(russianTennis, "Sharapova beats American Serena Williams", "Sharapova beat the American in straight sets.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actor: Sharapova, whose nationality is not known", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_QueryNameWrittenInCapitalsActs_OtherNationalitiesDoNotDecide()
    {
        // Arrange
        var germanCompanies = TestSupport.Topic("SAP (pact OR contract)", new TopicConstraints { ActorNationalities = ["Germany"] });

        // Act
        var match = TestSupport.Match(germanCompanies, "SAP Gets $35 Million Post Office Pact", "The US Postal Service picked SAP to run its payroll.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actor: SAP, whose nationality is not known", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_QueryNameWrittenAsPhraseActs_OtherNationalitiesDoNotDecide()
    {
        // Arrange: a company asked for by its full name, which the recogniser gives no country.
        var europeanAirlines = TestSupport.Topic("\"Virgin Atlantic\" OR Lufthansa", new TopicConstraints { ActorNationalities = ["Europe"] });

        // Act
        var match = TestSupport.Match(
            europeanAirlines,
            "Virgin wishing for Melbourne",
            "The billionaire landed in Sydney yesterday aboard Virgin Atlantic's inaugural Australian flight.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actor: Virgin Atlantic, whose nationality is not known", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_NamePhraseInHeadlineCapitalisingEveryWord_NationalitiesDecide()
    {
        // Arrange: such a headline writes every phrase with capitals, names or not.
        var americanActors = TestSupport.Topic("\"Badr Brigade\" OR Lufthansa", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(americanActors, "Badr Brigade Fighters Clash With Iraqi Police", "Fighting broke out on Sunday.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("\"virgin atlantic\" OR Lufthansa", "aboard Virgin Atlantic's inaugural Australian flight", "Europe")]
    [InlineData("\"Virgin Atlantic\" OR Lufthansa", "aboard a virgin atlantic route's inaugural Australian flight", "Europe")]
    [InlineData("\"British Airways\" OR Lufthansa", "aboard British Airways' inaugural Australian flight", "Japan")]
    [InlineData("\"Royal Navy\" OR Lufthansa", "aboard the Royal Navy's Australian ships", "United Kingdom")]
    public void Alerts_PhraseNotWrittenAsNameOrNamingANation_NationalitiesDecide(string query, string body, string nationality)
    {
        // Arrange: a phrase in small letters asks for words, not a name; a name found in small letters is the words;
        // a name with a people's word in it tells its own nationality; a unit any country may have is no name.
        var airlines = TestSupport.Topic(query, new TopicConstraints { ActorNationalities = [nationality] });

        // Act
        var match = TestSupport.Match(airlines, "Airline opens route", "The billionaire landed in Sydney yesterday " + body + ".");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Match_QueryAcronymWrittenOtherwise_DoesNotMatch()
    {
        // Arrange: "SAP" in capitals is the company; "sap" the verb is another word, not a name acting.
        var topic = TestSupport.Topic("SAP (growth OR economy)", new TopicConstraints { ActorNationalities = ["Germany"] });

        // Act
        var match = TestSupport.Match(topic, "Oil prices sap US economy growth", "Analysts cut their forecasts.");

        // Assert
        Assert.Null(match);
    }

    [Theory]
    [InlineData("TROOPS (GERMANY OR GERMAN)", "US troops leave German bases")]
    public void Alerts_QueryAllInCapitals_NotAName(string query, string title)
    {
        // Arrange
        var topic = TestSupport.Topic(query, new TopicConstraints { ActorNationalities = ["Germany"] });

        // Act
        var match = TestSupport.Match(topic, title, "Analysts cut their forecasts.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GUANTANAMO BAY NAVAL BASE, Cuba Aug. 26, 2004 - A detainee asked the tribunal to let him represent himself.")]
    [InlineData("By JOHN SMITH    HAVANA, Cuba (AP) -- A detainee asked the tribunal to let him represent himself.")]
    [InlineData("Canadian Press - HAVANA, Cuba (CP) - Tribunal hearings resumed on Monday.")]
    public void Alerts_CountryOfTheDateline_IsNoActor(string body)
    {
        // Arrange
        var detention = TestSupport.Topic("tribunal* OR Guantanamo", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(detention, "Detainee asks to defend himself", body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.DoesNotContain(match.Evidence, e => e.Description.Contains("Cuba", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_StrictAndQueryNameOfUnknownNationality_ConstraintFails()
    {
        // Arrange
        var russianTennis = TestSupport.Topic("Sharapova", new TopicConstraints { ActorNationalities = ["Russia"], Strict = true });

        // Act
        var match = TestSupport.Match(russianTennis, "Sharapova beats American Serena Williams", "Sharapova beat the American in straight sets.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Fact]
    public void Alerts_RequiredAndExcludedNationalities_ExcludedVictimsStillFail()
    {
        // Arrange
        var foreignHostagesOfUs = TestSupport.Topic(
            "(hostage* OR kidnap*) (Iraq OR Iraqi OR Baghdad)",
            new TopicConstraints { ActorNationalities = ["United States"], ExcludeActorNationalities = ["Iraq"] });

        // Act
        var match = TestSupport.Match(foreignHostagesOfUs, "Iraqi policeman kidnapped in Baghdad", "Gunmen seized an Iraqi policeman on Monday.");

        // Assert
        Assert.False(match!.Alert);
    }

    [Theory]
    [InlineData("Iraqi jets attacked insurgent positions", "The raid on the insurgents lasted an hour.")]
    [InlineData("Insurgents flee the bombing by Iraqi planes", "The raid on the insurgents lasted an hour.")]
    public void Alerts_RequiredNationalityAndOthersDoingTheHarm_ConstraintFails(string title, string body)
    {
        // Arrange
        var usOperations = TestSupport.Topic("(attack* OR bombing OR raid*) insurgent*", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(usOperations, title, body);

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description == "actors are only Iraqi");
    }

    [Fact]
    public void Alerts_VictimsAtTheHeadlinesEnd_TheBodysFirstWordDoesNotMakeThemActors()
    {
        // Arrange
        var usOperations = TestSupport.Topic("kidnap* insurgent*", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act: "Police" opens the body; it does not make the headline's Iraqis an acting group.
        var match = TestSupport.Match(usOperations, "Insurgents kidnap two Iraqi", "Police said the men were seized at dawn.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Dozens die in U.S. push in Iraq", "RAMADI, Iraq - U.S. and Iraqi troops began an offensive on Monday to retake the insurgent-held town.")]
    [InlineData("Fighting spreads across Mosul", "MOSUL, Iraq -- U.S. and Iraqi troops began an offensive on Monday to retake the insurgent-held town.")]
    public void Alerts_NationalitiesJoinedByAndAfterADateline_BothAct(string title, string body)
    {
        // Arrange: the body's "U.S." starts its own sentence after the dateline's dash; it is not one more item of a
        // list of places that began with the headline's "in Iraq" or "across Mosul".
        var usOffensives = TestSupport.Topic("(troops OR forces) (offensive OR insurgent*)", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(usOffensives, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.Contains("(US)", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_DirectionBeforeAPlace_IsNoActor()
    {
        // Arrange: "western" names foreign forces in "Western troops", but a part of a city in "western Baghdad".
        var attacksOnUsForces = TestSupport.Topic("bomb* (convoy OR troops)", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act
        var match = TestSupport.Match(attacksOnUsForces, "Bombs kill 20 in the capital", "Two bombs went off near a U.S. convoy in western Baghdad on Sunday.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.DoesNotContain(match.Evidence, e => e.Description.Contains("western", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("The Iraqi government rushed reinforcements to the country's third city, Mosul, seeking to quell a deadly militant uprising that U.S. officials said was growing.", "Iraq")]
    [InlineData("Iraqi health officials said U.S. airstrikes in a village south of the city killed dozens in a deadly raid.", "United States")]
    public void Alerts_SubjectOpeningABodySentence_ActsOnWhatTheSentenceSaysUnlessItOnlyReports(string body, string actor)
    {
        // Arrange
        var attacks = TestSupport.Topic("Mosul deadly", new TopicConstraints { ActorNationalities = [actor] });

        // Act: the Iraqi government is the sentence's subject, many words before "deadly" (beside which only U.S.
        // officials stand); health officials who said what others did do not act.
        var match = TestSupport.Match(attacks, "Police lose control of Mosul", body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_NationalityOfAPlaceDescribedBeforeItsName_IsNoActor()
    {
        // Arrange
        var battle = TestSupport.Topic("Falluja OR Fallujah", new TopicConstraints { ActorNationalities = ["United States"] });

        // Act: "Iraqi" describes the place ("the Iraqi insurgent bastion of Fallujah"); the US air strikes are the actors.
        var match = TestSupport.Match(battle, "Air strikes", "Residents fled a wave of US air strikes around the Iraqi insurgent bastion of Fallujah.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.DoesNotContain(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Iraqi Prime Minister Iyad Allawi said on Monday that American troops would lead the assault.", "Iraq")]
    [InlineData("Iraqi officials announced on Monday that American troops would lead the assault.", "Iraq")]
    [InlineData("The U.S. dollar fell against the euro as investors fretted about keeping so many troops abroad.", "United States")]
    public void Alerts_SentenceOpenedByAReporterOrAThing_GivesItNoActor(string body, string actor)
    {
        // Arrange
        var troops = TestSupport.Topic("troops", new TopicConstraints { ActorNationalities = [actor], Strict = true });

        // Act: a prime minister who said, officials who announced, a currency: none of them acts on "troops".
        var match = TestSupport.Match(troops, "Update", body);

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Former French Open champion loses in Bucharest")]
    [InlineData("Veteran beats the US Open holder in Bucharest")]
    [InlineData("Veteran wins on the eve of the Chinese Grand Prix")]
    public void Alerts_NationalityInACompetitionsName_IsNoActor(string title)
    {
        // Arrange
        var spanishPlayers = TestSupport.Topic("tennis (wins OR loses OR beats)", new TopicConstraints { ActorNationalities = ["Spain"] });

        // Act
        var match = TestSupport.Match(spanishPlayers, title, "The tennis player from Barcelona played on Monday.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Israelis Open Fire on Stone-Throwers in Talks Row", "The talks were suspended on Monday.")]
    [InlineData("U.S. Open to New Talks With Rebels", "The talks could resume next month.")]
    [InlineData("US Grand Jury Hears Talks Evidence", "The talks were recorded, prosecutors said.")]
    [InlineData("Iraqis Rally for Talks", "Thousands marched for the talks on Monday.")]
    [InlineData("Talks collapse", "The team lost to the Argentine. Masters qualification talks were cut short.")]
    [InlineData("Talks in the American League", "Owners held talks on Monday.")]
    public void Alerts_NationalityBeforeACompetitionWordThatIsNoCompetition_StillActs(string title, string body)
    {
        // Arrange
        var spanishTalks = TestSupport.Topic("talks", new TopicConstraints { ActorNationalities = ["Spain"] });

        // Act
        var match = TestSupport.Match(spanishTalks, title, body);

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Fact]
    public void Alerts_NationalityBeforeAnOfficesTitle_StillActs()
    {
        // Arrange
        var spanishDiplomacy = TestSupport.Topic("visit* OR talks", new TopicConstraints { ActorNationalities = ["Spain"] });

        // Act
        var match = TestSupport.Match(spanishDiplomacy, "Chinese Premier visits Madrid for talks", "The premier met business leaders on Monday.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Description.StartsWith("actors are only", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A man of Moroccan descent is charged with the murder of the filmmaker.", true)]
    [InlineData("Two men of Moroccan and Turkish descent are charged with the murder of the filmmaker.", true)]
    [InlineData("A Moroccan man is charged with the murder of the filmmaker.", false)]
    public void Alerts_NationalityOfSomeonesAncestry_IsNoActor(string body, bool expected)
    {
        // Arrange
        var murderCase = TestSupport.Topic("murder* charg*", new TopicConstraints { ExcludeActorNationalities = ["Morocco"] });

        // Act
        var match = TestSupport.Match(murderCase, "Suspect charged in filmmaker's murder", body);

        // Assert
        Assert.Equal(expected, match!.Alert);
    }
}
