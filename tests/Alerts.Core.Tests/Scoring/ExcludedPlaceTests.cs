using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Scoring;

/// <summary>Excluded places: a subject "anywhere but" a place (see docs/scoring.md, "Where does the story happen").</summary>
public sealed class ExcludedPlaceTests
{
    private static readonly WatchTopic HurricanesAbroad = TestSupport.Topic("hurricane*", new TopicConstraints { ExcludePlaces = ["United States"] });

    [Theory]
    [InlineData("Hurricane Frances batters Florida", "MIAMI - The storm tore roofs off homes along the coast on Sunday.")]
    [InlineData("Storm heads north", "HOUSTON (Reuters) - Hurricane Ivan's remnants flooded roads across the state.")]
    [InlineData("Hurricane season costs insurers", "Insurers in Tex. and Calif. counted the bill of the hurricane season.")]
    public void Alerts_StoryInTheExcludedPlaceOrItsStatesAndCities_ConstraintFails(string title, string body)
    {
        // Act
        var match = TestSupport.Match(HurricanesAbroad, title, body);

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
        Assert.Contains(match.Evidence, e => e.Kind == "constraint" && e.Description.StartsWith("the story happens in an excluded place: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hurricane Jeanne kills hundreds in Haiti", "Floods swept Gonaives as Florida braced for the storm's arrival later in the week.")]
    [InlineData("Hurricane Ivan pounds Jamaica", "KINGSTON, Jamaica - The storm tore through the island on Saturday; forecasters said it could reach Florida.")]
    [InlineData("Hurricane Ivan strengthens", "The storm tore through the Cayman Islands on Sunday, and forecasters said it could turn towards Florida.")]
    public void Alerts_StoryThatHappensFirstOutsideTheExcludedPlace_Alerts(string title, string body)
    {
        // Act
        var match = TestSupport.Match(HurricanesAbroad, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Hong Kong banks cut prime rates", "Local lenders cut their rates despite the rate rise in the United States overnight.", true)]
    [InlineData("Japan shares slip on rate worries", "Investors sold exporters after a rate rise in the United States.", true)]
    [InlineData("US rate rise lifts Hong Kong banks", "Lenders gained after the rate rise in the United States overnight.", false)]
    [InlineData("Japan markets closed for a holiday", "Traders abroad awaited the rate decision in the United States.", false)]
    [InlineData("Australia braces for rate rise", "Economists expect the Fed to raise rates in the United States on Tuesday.", false)]
    public void Alerts_HeadlineNamesAPlacesEconomyAndNoExcludedPlace_StoryIsOfThatPlace(string title, string body, bool alerts)
    {
        // Arrange: central banks outside the US; a body's "in the United States" is what the headline's place reacts to.
        var ratesAbroad = TestSupport.Topic("rate*", new TopicConstraints { ExcludePlaces = ["United States"] });

        // Act
        var match = TestSupport.Match(ratesAbroad, title, body);

        // Assert
        Assert.Equal(alerts, match!.Alert);
    }

    [Fact]
    public void Alerts_HeadlineCountryAroundTheExcludedCity_LooksFurtherForWhere()
    {
        // Arrange: "Japan shares" neither lies outside Tokyo nor in it; the dateline says where.
        var sharesOutsideTokyo = TestSupport.Topic("shares", new TopicConstraints { ExcludePlaces = ["Tokyo"] });

        // Act
        var match = TestSupport.Match(sharesOutsideTokyo, "Japan shares fall", "OSAKA (Reuters) - Shares fell on Monday in Osaka, while dealers in Tokyo stayed home.");

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_CountryThatOpensAHeadlineSpeaking_IsWhoNotWhere()
    {
        // Arrange
        var hostagesAbroad = TestSupport.Topic("hostage*", new TopicConstraints { ExcludePlaces = ["Iraq"] });

        // Act
        var match = TestSupport.Match(hostagesAbroad, "France says hostages still alive", "Two French reporters held hostage in Iraq were alive last week, officials said.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_StoryTheRequiredReadingPutsThere_IsExactlyWhatTheExclusionRemoves()
    {
        // Arrange: the same words read with the place required and with it excluded.
        var inTheUnitedStates = TestSupport.Topic("hurricane*", new TopicConstraints { Places = ["United States"] });
        (string Title, string Body)[] stories =
        [
            ("Hurricane Charley hits Florida", "PUNTA GORDA, Fla. - The storm flattened mobile homes on Friday."),
            ("Hurricane Jeanne kills hundreds in Haiti", "Floods swept Gonaives on Sunday."),
            ("Hurricane Ivan strengthens", "KINGSTON, Jamaica - The storm tore roofs off homes on Saturday."),
        ];

        // Act / Assert
        foreach (var (title, body) in stories)
        {
            Assert.NotEqual(TestSupport.Alerts(inTheUnitedStates, title, body), TestSupport.Alerts(HurricanesAbroad, title, body));
        }
    }

    [Fact]
    public void Alerts_NoPlaceNamed_WordsDecideUnlessStrict()
    {
        // Arrange
        const string Title = "Hurricane season was the costliest on record";
        const string Body = "Insurers counted the bill on Tuesday.";
        var strict = TestSupport.Topic("hurricane*", new TopicConstraints { ExcludePlaces = ["United States"], Strict = true });

        // Act
        var lenient = TestSupport.Match(HurricanesAbroad, Title, Body);
        var strictMatch = TestSupport.Match(strict, Title, Body);

        // Assert
        Assert.True(lenient!.Alert);
        Assert.Contains(lenient.Evidence, e => e.Description == "excluded places: none named (not checked; the topic is not strict)");
        Assert.False(strictMatch!.Alert);
        Assert.Contains(strictMatch.Evidence, e => e.Description == "excluded places: no place named (the topic is strict)");
    }

    [Fact]
    public void Alerts_StrictWithBothListsAndNoPlaceNamed_SaysSoOnce()
    {
        // Arrange
        var topic = TestSupport.Topic("protest*", new TopicConstraints { Places = ["France"], ExcludePlaces = ["Paris"], Strict = true });

        // Act
        var match = TestSupport.Match(topic, "Protests grow", "Marchers filled the streets on Saturday.");

        // Assert
        Assert.False(match!.Alert);
        Assert.Single(match.Evidence, e => e.Kind == "constraint");
    }

    [Fact]
    public void Alerts_FirstPlaceAroundTheExcludedOne_IsNotOutsideIt()
    {
        // Arrange: the United States holds California; the story's Los Angeles puts it there.
        var wildfires = TestSupport.Topic("fire*", new TopicConstraints { ExcludePlaces = ["California"] });

        // Act
        var match = TestSupport.Match(wildfires, "Wildfires across the United States", "Fires burned in Los Angeles and San Diego counties on Monday.");

        // Assert
        Assert.False(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Protesters storm ministry in Iraq")]
    [InlineData("Iraqi protesters storm ministry")]
    public void Alerts_RequiredCountryAroundTheExcludedCity_CannotTellWhetherThere(string title)
    {
        // Arrange: neither headline says whether the ministry is in Baghdad.
        var outsideTheCapital = TestSupport.Topic("protest*", new TopicConstraints { Places = ["Iraq"], ExcludePlaces = ["Baghdad"], Strict = true });
        var lenient = TestSupport.Topic("protest*", new TopicConstraints { Places = ["Iraq"], ExcludePlaces = ["Baghdad"] });

        // Act
        var strict = TestSupport.Match(outsideTheCapital, title, "Hundreds gathered on Monday.");
        var notStrict = TestSupport.Match(lenient, title, "Hundreds gathered on Monday.");

        // Assert
        Assert.False(strict!.Alert, string.Join(" | ", strict.Evidence.Select(e => e.Description)));
        Assert.Contains(strict.Evidence, e => e.Description == "excluded places: the story does not say whether it happens there (the topic is strict)");
        Assert.True(notStrict!.Alert, string.Join(" | ", notStrict.Evidence.Select(e => e.Description)));
    }

    [Fact]
    public void Alerts_ExcludedCityWithinARequiredCountry_OnlyThatCityIsLeftOut()
    {
        // Arrange
        var outsideTheCapital = TestSupport.Topic("protest*", new TopicConstraints { Places = ["France"], ExcludePlaces = ["Paris"] });

        // Act
        var inParis = TestSupport.Match(outsideTheCapital, "Thousands protest in Paris", "Marchers filled the streets of the capital on Saturday.");
        var inLyon = TestSupport.Match(outsideTheCapital, "Thousands protest in Lyon", "Marchers filled the streets of the city on Saturday.");

        // Assert
        Assert.False(inParis!.Alert, string.Join(" | ", inParis.Evidence.Select(e => e.Description)));
        Assert.True(inLyon!.Alert, string.Join(" | ", inLyon.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("France mulls hostage crisis", "DUBAI (Reuters) - The French government held crisis talks on the fate of two French journalists held hostage in Iraq on Wednesday.", false)]
    [InlineData("French govt. appeals for reporters' release", "PARIS (Reuters) - France's government urged Iraqi militants on Sunday to free two French journalists they were holding hostage.", false)]
    [InlineData("Kidnappers free two Chinese engineers", "MANILA (Reuters) - Gunmen freed two Chinese engineers held hostage for a week, as talks on the hostages in Iraq went on.", true)]
    [InlineData("Two engineers held hostage in Manila", "The kidnappers, who also held a driver hostage in Iraq last year, asked for a ransom.", true)]
    [InlineData("Journalists seized in Aceh", "JAKARTA (Reuters) - Echoing the hostage crisis in Iraq, rebels in Aceh seized two journalists.", true)]
    [InlineData("Afghan kidnappers set deadline", "KABUL (Reuters) - Afghan militants holding three U.N. workers hostage, in a kidnapping that echoes those by Iraqi insurgents, set a deadline.", true)]
    [InlineData("Engineer freed", "RIYADH (Reuters) - Saudi police freed a British engineer held hostage since Monday, days after Iraqi Prime Minister Allawi warned of kidnappings.", true)]
    public void Alerts_LeadPutsTheActInTheExcludedPlace_OutweighsADatelineAbroad(string title, string body, bool alerts)
    {
        // Arrange: kidnappings outside Iraq. A dateline abroad says where the story is told; the lead's "held
        // hostage in Iraq" or "Iraqi militants ... holding hostage" says where it happens. A place the act is told at
        // first (the headline's, or one next to the matched words) keeps the story outside.
        var hostagesAbroad = TestSupport.Topic("hostage*", new TopicConstraints { ExcludePlaces = ["Iraq"] });

        // Act
        var match = TestSupport.Match(hostagesAbroad, title, body);

        // Assert
        Assert.True(alerts == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("hurricane*", "Ivan spares Jamaica", "KINGSTON, Jamaica (Reuters) - The U.S. National Hurricane Center in Miami said Hurricane Ivan's eye passed south of Jamaica.", "United States")]
    [InlineData("hurricane*", "Relief reaches Grenada", "ST. GEORGE'S, Grenada (Reuters) - American troops and aid workers began arriving in Grenada on Tuesday after Hurricane Ivan.", "United States")]
    [InlineData("election* OR vote*", "Afghans queue to vote", "KABUL (Reuters) - Millions of Afghans voted on Saturday in a U.S.-backed presidential election.", "United States")]
    [InlineData("golf*", "Woods wins in Japan", "MIYAZAKI, Japan (Reuters) - American golfer Tiger Woods cruised to victory at the Dunlop Phoenix on Sunday.", "United States")]
    [InlineData("protest* OR rall*", "Opposition keeps up the pressure", "KIEV (Reuters) - Tens of thousands rallied in Kiev on Monday as Russian President Vladimir Putin congratulated Yanukovich.", "Russia")]
    public void Alerts_LeadNamesTheExcludedCountryOnlyInANameOrThroughItsPeopleElsewhere_DatelineKeepsTheStory(string query, string title, string body, string excludedPlace)
    {
        // Arrange: a hurricane centre's name, a country's troops, leaders or athletes abroad, a hyphened "U.S.-backed"
        // tell no act in the excluded country.
        var topic = TestSupport.Topic(query, new TopicConstraints { ExcludePlaces = [excludedPlace] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.True(match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("Militants say they seized two Macedonians", "DUBAI (Reuters) - An Islamist militant group said on Tuesday it had kidnapped two Macedonian construction workers in Baghdad.", false)]
    [InlineData("Video shows British hostage pleading for life", "CAIRO (Reuters) - Arab television aired a video of British engineer Kenneth Bigley, kidnapped last week in Baghdad, pleading for his life.", false)]
    [InlineData("Gunmen seize Chinese trader", "MANILA (Reuters) - Kidnappers seized a Chinese trader on Friday, a week after militants in Iraq freed two Filipinos.", true)]
    [InlineData("Hostage transfer sparks release hopes", "PARIS (Reuters) - Hopes of an end to the French hostage crisis rose on Friday after a newspaper said the men were now held by Iraqi guerrillas.", false)]
    [InlineData("Appeal to captors", "PARIS (Reuters) - France urged Iraqi Islamist militants on Sunday to free two journalists they were holding hostage.", false)]
    [InlineData("Driver freed", "MANILA (Reuters) - A Filipino truck driver kidnapped by Iraqi militants flew home on Thursday.", false)]
    [InlineData("Afghan kidnappers set deadline", "KABUL (Reuters) - Gunmen kidnapped three U.N. workers in a raid that echoes those by Iraqi insurgents.", true)]
    [InlineData("Gunmen seize tourists", "SANAA (Reuters) - Tribesmen kidnapped five German tourists like those held in Iraq last year.", true)]
    public void Alerts_ActsObjectOrTimeBeforeTheExcludedPlace_StillPutsTheActThere(string title, string body, bool alerts)
    {
        // Arrange: the place may follow the act past its object or its time, in the same clause, not past a comma or
        // a likeness.
        var kidnappingsAbroad = TestSupport.Topic("kidnap* OR hostage*", new TopicConstraints { ExcludePlaces = ["Iraq"] });

        // Act
        var match = TestSupport.Match(kidnappingsAbroad, title, body);

        // Assert
        Assert.True(alerts == match!.Alert, string.Join(" | ", match.Evidence.Select(e => e.Description)));
    }
}
