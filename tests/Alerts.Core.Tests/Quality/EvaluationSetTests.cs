using System.Globalization;
using Alerts.Core.Articles;
using Alerts.Core.Evaluation;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Quality;

/// <summary>
/// The development halves of the evaluation sets (eval/ag-news, eval/ag-news-round9, eval/ag-news-round13 and the
/// development sets eval/ag-news-round11, eval/ag-news-round15, eval/ag-news-round18, eval/ag-news-round20,
/// eval/ag-news-round23, eval/ag-news-round25, eval/ag-news-round27, eval/ag-news-round30, eval/ag-news-round36 and the
/// development halves of eval/ag-news-round77, eval/ag-news-round79 to eval/ag-news-round93, eval/ag-news-round96, eval/ag-news-round98, eval/ag-news-round101, eval/ag-news-round104, eval/ag-news-round106, eval/ag-news-round108, eval/ag-news-round110 and eval/ag-news-round111: topics
/// written from the docs alone, labels made without seeing the engine) must not lose quality. Floors sit just under
/// the F1 recorded in docs/scoring.md; on the later development sets the place and actor constraints may not cost
/// more core stories than recorded there. The test halves and the held-out sets (the fifth, seventh, eighth, tenth,
/// twelfth to fourteenth, sixteenth, seventeenth, nineteenth, twenty-first, twenty-second, twenty-fourth, twenty-sixth,
/// twenty-eighth and twenty-ninth, the thirteenth's
/// held-out half) are never run here: they are only measured, with <c>alerts eval</c>, and reported. The constraint
/// sets eval/ag-news-constraints and eval/ag-news-rewrites (development) are held to their recorded costs.
/// </summary>
public sealed class EvaluationSetTests
{
    private static readonly Dictionary<string, double> DevelopmentFloors = new(StringComparer.Ordinal)
    {
        ["southern-thailand-unrest"] = 0.88,
        ["merck-vioxx"] = 0.97,
        ["email-spam-phishing"] = 0.95,
        ["earthquakes"] = 0.97,
        ["arsenal-fc"] = 0.84,
        ["foreign-hostages-iraq"] = 0.92,
        ["ivory-coast-crisis"] = 0.97,
        ["afghanistan-insurgency-security"] = 0.97,
        ["iraq-international-diplomacy"] = 0.78,
        ["us-federal-reserve-rate-hikes"] = 0.85,
        ["boston-red-sox"] = 0.99,
        ["spyware"] = 0.97,
        ["japan-foreign-security-policy"] = 0.95,
        ["australian-athletes-non-cricket"] = 0.90,
        ["pakistan-musharraf-government"] = 0.90,
        ["uk-domestic-politics"] = 0.78,
        ["us-labor-market"] = 0.85,
        ["us-retail-holiday-sales"] = 0.85,
        ["sprint-nextel"] = 0.98,
        ["labor-strikes-and-walkouts"] = 0.74,
        // 0.801 until the forty-fifth stop: a doer written out asks for doers, and `manager` no longer finds "the
        // managing job" (docs/scoring.md, "Derivations apart from their base"; development 24 false alerts fewer).
        ["sports-coach-and-manager-changes"] = 0.78,
        ["violence-and-racism-in-sport"] = 0.82,
        ["corporate-job-cuts"] = 0.88,
        ["housing-market-and-mortgages"] = 0.97,
        ["wildlife-conservation-endangered-species"] = 0.87,
        ["latin-america-political-violence-justice"] = 0.91,
        ["us-culture-war-social-issues"] = 0.87,
        ["japanese-companies-abroad"] = 0.73,
        ["german-companies-abroad"] = 0.71,
        ["uk-government-diplomacy"] = 0.87,
        ["palestinian-leadership-after-arafat"] = 0.61,
        ["us-military-detention-justice"] = 0.82,
        ["us-military-procurement-posture"] = 0.78,
        ["japanese-athletes"] = 0.89,
        ["south-african-sportspeople"] = 1.00,
        ["us-forces-iraq-sunni-insurgency"] = 0.85,
        // 1.00 until escaped references were repaired: "troops #39; alleged abuse of Iraqi" now reads "troops'
        // alleged abuse of Iraqi", within the query's own Iraqi NEAR/3 troop* (one false alert; two core stories
        // found on other development sets).
        ["attacks-on-iraqi-security-forces"] = 0.98,
        ["foreign-companies-in-china"] = 0.69,
        ["foreign-takeovers-of-british-companies"] = 0.78,
        ["russian-tennis-players"] = 1.00,
        ["online-piracy-file-sharing"] = 0.88,
        ["howard-stern-sirius-satellite-radio"] = 1.00,
        ["fannie-mae-accounting-scandal"] = 0.96,
        ["sports-events-hosted-in-china"] = 0.86,
        ["us-oval-motor-racing"] = 0.90,
        ["us-celebrity-criminal-cases"] = 0.86,
        ["brazilian-football"] = 0.93,
        ["new-zealand-sportspeople"] = 0.97,
        ["spanish-sportspeople"] = 0.86,
        ["doping-in-sport"] = 0.90,
        ["caucasus-separatist-conflicts"] = 1.00,
        // 0.30 until a capital A closing a phrase had to be there ("Serie A" was the one word Serie, finding "series").
        ["italian-football-serie-a"] = 0.94,
        ["california-state-politics-policy"] = 0.91,
        ["latin-america-economy-business"] = 0.83,
        ["japan-2004-disasters-accidents"] = 1.00,
        ["africa-coup-plots-and-trials"] = 0.77,
        ["chinese-companies-abroad"] = 0.80,
        ["argentine-sportspeople"] = 0.97,
        ["metals-and-mining-industry"] = 0.92,
        ["us-congress-legislation"] = 0.72,
        ["corporate-leadership-changes"] = 0.75,
        // 0.85 until a word in capitals matched only its own forms (`OLED` found "Ole Miss").
        ["flat-panel-tvs-displays"] = 0.86,
        ["health-care-systems-costs"] = 0.81,
        ["us-college-basketball"] = 0.76,
        ["saddam-hussein"] = 1.00,
        ["singapore"] = 0.92,
        ["us-college-football-2004-season"] = 0.80,
        // 0.88 with `places` United Kingdom until a footballer's first name (Adrian, a Michigan town) stopped making
        // Chelsea the town in Massachusetts.
        ["english-premier-league-2004-05"] = 0.89,
        ["nba-2004-05-season"] = 0.94,
        // 0.81 until a name quoted with its 's ("Denny's", "Wendy's") matched only where the article writes the 's.
        ["packaged-food-soft-drinks-restaurants"] = 0.87,
        ["cable-and-satellite-pay-tv"] = 0.93,
        ["commercial-and-retail-banking"] = 0.88,
        ["same-sex-marriage-and-gay-rights"] = 1.00,
        ["religious-dress-and-religious-law-disputes"] = 0.95,

        // Thirtieth set (development, kinds of events told in many words), its first shot (riots 0.62 until a
        // Protestant stopped being a protest; fines 0.88 until "will pay" asked for its "will"; records 0.70 until
        // -earnings stopped excluding "earns" and -shares "shared"; IPOs 0.90 until a ticker tag's "NYSE" was no market).
        ["initial-public-offerings"] = 0.92,
        ["regulatory-fines-and-penalty-settlements"] = 0.92,
        ["floods-landslides-and-typhoons"] = 0.91,
        ["riots-and-violent-street-protests"] = 0.65,
        ["international-sanctions-and-embargoes"] = 0.91,
        ["home-video-technology-dvd-dvr"] = 0.87,
        ["sports-records-and-milestones"] = 0.73,
        ["environmental-pollution-and-contamination"] = 0.73,

        // Thirty-sixth set (development, a place's own news), after the thirty-ninth stop's place rules (Florida 0.75
        // at the first shot, while "ST PETERSBURG, Russia" and "PANAMA CITY, Panama" were Florida's towns).
        ["florida-state-affairs"] = 0.77,
        ["texas-state-affairs"] = 0.70,
        ["new-york-city-affairs"] = 0.50,
        ["taiwan-home-affairs"] = 1.00,
        ["montreal-city-affairs"] = 0.92,
        ["south-africa-domestic-affairs"] = 0.90,
    };

    // The constraint cost recorded in docs/scoring.md for every constrained topic of the later development sets (the
    // second, third, fourth, sixth, eleventh, fifteenth, eighteenth, twentieth, twenty-third, twenty-fifth and twenty-seventh sets and the ninth's and thirteenth's development halves; the
    // fifth, seventh, eighth, tenth, twelfth to fourteenth, sixteenth, seventeenth and nineteenth are held out and never run here), and for the actor-constrained variants
    // of development topics.
    private static readonly Dictionary<string, int> RecordedConstraintCosts = new(StringComparer.Ordinal)
    {
        ["us-presidential-election-2004"] = 0,
        ["iran-nuclear-program"] = 0,
        ["israeli-military-operations-palestinian-territories"] = 0,
        ["yukos-affair"] = 0,
        ["athens-2004-olympics"] = 0,
        ["beslan-siege-chechen-terror"] = 0,
        ["fallujah-battle"] = 0,
        ["afghanistan-presidential-election"] = 1,
        // 1 until "N.Korea" was known as the press's North Korea ("Powell to Japan; US Troops, N.Korea on Agenda").
        ["north-korea-nuclear-standoff"] = 0,
        ["israel-gaza-disengagement-crisis"] = 2,
        ["iraq-election-2005"] = 0,
        ["turkey-eu-bid"] = 1,
        ["taiwan-china-standoff"] = 0,
        ["kashmir-conflict"] = 0,
        ["pakistan-militancy"] = 0,
        ["sadr-uprising"] = 0,
        ["indonesia-terror-bombings"] = 0,
        ["haiti-crisis"] = 0,
        ["former-yugoslavia-war-crimes-and-politics"] = 1,
        ["congo-great-lakes-conflict"] = 0,
        ["syria-lebanon"] = 1,
        ["egypt-sinai-and-israel-ties"] = 0,
        ["afghanistan-insurgency-security"] = 0,
        ["israeli-military-operations-palestinian-territories-actors"] = 0,
        ["beslan-siege-chechen-terror-actors"] = 0,
        // 3 until the recogniser knew "Falluja" (the data writes "Al Fallujah"): three more core stories in which others
        // than the United States act ("Iraq's Allawi Issues Ultimatum to Falluja", "Iraq Govt. Cancels Falluja
        // Negotiations", British troops freeing US troops for the attack) passed only because an unknown name the query
        // matched left the actor rule unjudged. The constraint now reads them as written; the docs advise listing every
        // nationality that acts in the subject. 5 since a NEAR finds a headline word with one of the lead sentence.
        ["fallujah-battle-actors"] = 5,
        ["turkey-eu-bid-actors"] = 0,
        ["kashmir-conflict-actors"] = 0,
        ["pakistan-militancy-actors"] = 0,
        ["sadr-uprising-actors"] = 0,
        ["indonesia-terror-bombings-actors"] = 0,
        ["haiti-crisis-actors"] = 0,
        ["southern-thailand-unrest-actors"] = 0,
        ["australian-athletes-non-cricket"] = 0,
        ["us-labor-market"] = 0,
        ["us-retail-holiday-sales"] = 0,
        ["japanese-companies-abroad"] = 0,
        ["german-companies-abroad"] = 0,
        ["uk-government-diplomacy"] = 0,
        ["palestinian-leadership-after-arafat"] = 0,
        ["us-military-detention-justice"] = 0,
        ["us-military-procurement-posture"] = 0,
        ["japanese-athletes"] = 0,
        ["south-african-sportspeople"] = 0,
        ["us-forces-iraq-sunni-insurgency"] = 0,
        ["attacks-on-iraqi-security-forces"] = 0,
        ["russian-tennis-players"] = 0,
        ["sports-events-hosted-in-china"] = 0,
        // "More mature Busch looking forward to Darlington": the gazetteer's Darlington is England's (NASCAR races in
        // Darlington, South Carolina, smaller than its cities).
        ["us-oval-motor-racing"] = 1,
        // 1 until a nationality before a competition's name stopped acting ("former French Open titlist Albert Costa").
        ["spanish-sportspeople"] = 0,
        ["latin-america-political-violence-justice"] = 0,
        ["us-culture-war-social-issues"] = 0,

        // eval/ag-news-constraints: constraints chosen for development topics by a writer who read only the docs.
        ["southern-thailand-unrest--places-with-neighbour"] = 0,
        ["foreign-hostages-iraq--exclude-actors"] = 0,
        // Strict by its writer's choice: the six stories name nobody beside the matched words ("Charity chief kidnapped
        // in Iraq"), which a strict topic would rather miss; without strict the variant costs nothing.
        ["foreign-hostages-iraq--places-exclude-strict"] = 6,
        ["ivory-coast-crisis--places-two"] = 0,
        ["israeli-military-operations-palestinian-territories--actors"] = 0,
        ["israeli-military-operations-palestinian-territories--places"] = 0,
        ["yukos-affair--actors"] = 0,
        ["afghanistan-presidential-election--places-three"] = 0,
        // "Powell to discuss NKorea on visit Japan, China, SKorea": "the impasse over North Korea's nuclear program" reads
        // North Korea as a place ("over" gives a cause only after words of dispute), and the US of "US Secretary of
        // State Colin Powell will visit" opens the sentence without a word for a people's body after it.
        ["north-korea-nuclear-standoff--actors-with-partners"] = 1,
        ["north-korea-nuclear-standoff--places-six-party"] = 0,
        ["israel-gaza-disengagement-crisis--places-two"] = 0,
        ["turkey-eu-bid--places-with-capitals"] = 0,
        ["turkey-eu-bid--actors-with-partners"] = 0,
        ["taiwan-china-standoff--places-two"] = 0,
        ["taiwan-china-standoff--actors-with-partners"] = 0,
        ["kashmir-conflict--places-two"] = 0,
        ["kashmir-conflict--actors"] = 0,
        ["indonesia-terror-bombings--places-two"] = 0,
        ["former-yugoslavia-war-crimes-and-politics--places-with-hague"] = 0,
        ["syria-lebanon--actors"] = 0,
        ["egypt-sinai-and-israel-ties--places-three"] = 0,
        ["us-forces-iraq-sunni-insurgency--places"] = 0,
        ["attacks-on-iraqi-security-forces--places"] = 0,
        ["foreign-companies-in-china--places-exclude"] = 0,
        ["palestinian-leadership-after-arafat--actors-all"] = 0,
        ["us-celebrity-criminal-cases--places"] = 0,
        // "Germany Cedes 2006 Cup Honor to Brazil": Brazil, given the honour, is named as a destination. 2 until a
        // nationality the query matched acts in the headline and the lead ("US edge out Brazil for gold").
        ["brazilian-football--actors"] = 1,
        ["new-zealand-sportspeople--actors"] = 0,
        ["japan-foreign-security-policy--actors-with-partners"] = 0,
        ["pakistan-musharraf-government--actors-with-partners"] = 0,
        ["uk-domestic-politics--places"] = 0,

        // eval/ag-news-rewrites: the development subjects written again by two new writers from the docs alone.
        ["southern-thailand-unrest--rewritten"] = 0,
        ["afghanistan-presidential-election--rewritten"] = 0,
        ["israel-gaza-disengagement-crisis--rewritten"] = 0,
        ["haiti-crisis--rewritten"] = 0,
        ["attacks-on-iraqi-security-forces--rewritten"] = 0,
        // "Lehman in Talks to Buy UK Hedge Fund": the buyer is a company the recogniser does not know and the query does not name.
        ["foreign-takeovers-of-british-companies--rewritten"] = 1,
        // "Wireless Operators Team on Wi-Fi Roaming": Deutsche Telekom acts as "T-Mobile USA", which reads as American.
        ["german-companies-abroad--rewritten"] = 1,
        ["palestinian-leadership-after-arafat--rewritten"] = 0,
        ["us-military-procurement-posture--rewritten"] = 0,
        ["south-african-sportspeople--rewritten"] = 0,
        // "More mature Busch looking forward to Darlington": the gazetteer's Darlington is England's.
        ["us-oval-motor-racing--rewritten"] = 1,
        // "Germany Cedes 2006 Cup Honor to Brazil": Brazil named as a destination.
        ["brazilian-football--rewritten"] = 1,
        ["spanish-sportspeople--rewritten"] = 0,
        ["latin-america-political-violence-justice--rewritten"] = 0,
        ["afghanistan-insurgency-security--rewritten"] = 0,
        ["australian-athletes-non-cricket--rewritten"] = 0,
        ["uk-domestic-politics--rewritten"] = 0,
        ["us-retail-holiday-sales--rewritten"] = 0,
        ["foreign-hostages-iraq--rewritten"] = 0,
        ["israeli-military-operations-palestinian-territories--rewritten"] = 0,
        // "Changing of the Guard in US Track and Field": "in US" read as a place.
        ["athens-2004-olympics--rewritten"] = 1,
        ["pakistan-militancy--rewritten"] = 0,
        ["indonesia-terror-bombings--rewritten"] = 0,
        ["us-forces-iraq-sunni-insurgency--rewritten"] = 0,
        ["foreign-companies-in-china--rewritten"] = 0,
        ["russian-tennis-players--rewritten"] = 0,
        ["japanese-companies-abroad--rewritten"] = 0,
        ["uk-government-diplomacy--rewritten"] = 0,
        ["us-military-detention-justice--rewritten"] = 0,
        ["japanese-athletes--rewritten"] = 0,
        ["sports-events-hosted-in-china--rewritten"] = 0,
        ["us-celebrity-criminal-cases--rewritten"] = 0,
        ["new-zealand-sportspeople--rewritten"] = 0,
        ["us-culture-war-social-issues--rewritten"] = 0,
        ["us-labor-market--rewritten"] = 0,
        ["california-state-politics-policy"] = 0,
        ["japan-2004-disasters-accidents"] = 0,
        ["africa-coup-plots-and-trials"] = 0,
        ["chinese-companies-abroad"] = 0,
        ["argentine-sportspeople"] = 0,
        ["us-congress-legislation"] = 0,
        ["us-college-football-2004-season"] = 0,
        // "Milan Mandaric" reads as Milan (a city too large to yield to a first name); "Newcastle" alone, once the
        // South African city, names no place now (cities of like size in several countries).
        ["english-premier-league-2004-05"] = 1,
    };

    [Theory]
    [InlineData("ag-news", "topics.dev.json")]
    [InlineData("ag-news", "topics.dev.constrained.json")]
    [InlineData("ag-news-round9", "topics.dev.json")]
    [InlineData("ag-news-round9", "topics.dev.constrained.json")]
    [InlineData("ag-news-round13", "topics.dev.json")]
    [InlineData("ag-news-round13", "topics.dev.constrained.json")]
    [InlineData("ag-news-round11", "topics.json")]
    [InlineData("ag-news-round11", "topics.constrained.json")]
    [InlineData("ag-news-round15", "topics.json")]
    [InlineData("ag-news-round15", "topics.constrained.json")]
    [InlineData("ag-news-round18", "topics.json")]
    [InlineData("ag-news-round18", "topics.constrained.json")]
    [InlineData("ag-news-round20", "topics.json")]
    [InlineData("ag-news-round20", "topics.constrained.json")]
    [InlineData("ag-news-round23", "topics.json")]
    [InlineData("ag-news-round23", "topics.constrained.json")]
    [InlineData("ag-news-round25", "topics.json")]
    [InlineData("ag-news-round25", "topics.constrained.json")]
    [InlineData("ag-news-round27", "topics.json")]
    [InlineData("ag-news-round27", "topics.constrained.json")]
    [InlineData("ag-news-round30", "topics.json")]
    [InlineData("ag-news-round36", "topics.json")]
    public async Task DevelopmentHalf_MeetsRecordedFloors(string set, string topicFile)
    {
        // Act
        var results = await EvaluateAsync(set, topicFile, _ => true);

        // Assert
        AssertMeetsFloors(results, topicId => DevelopmentFloors[topicId]);
    }

    // The development halves of the sets of new subjects, each written by two writers (one topic id, two queries):
    // each file's floors sit just under the F1 recorded in docs/scoring.md; their held-out halves are never run here.
    private static readonly Dictionary<string, double> NewSubjectSetFloors = new(StringComparer.Ordinal)
    {
        ["ag-news-round77 topics.json bangladesh"] = 0.99,
        ["ag-news-round77 topics.json gambling-industry"] = 0.93,
        ["ag-news-round77 topics.json hamas-palestinian-militant-groups"] = 0.86,
        ["ag-news-round77 topics.json deaths-of-notable-people"] = 0.62,
        ["ag-news-round77 topics.json corruption-and-bribery"] = 0.88,
        ["ag-news-round77 topics.writer2.json bangladesh"] = 0.99,
        // 0.805 until the fifty-fourth stop: the gambling trade's "gaming" no longer finds "games".
        ["ag-news-round77 topics.writer2.json gambling-industry"] = 0.88,
        ["ag-news-round77 topics.writer2.json hamas-palestinian-militant-groups"] = 0.87,
        ["ag-news-round77 topics.writer2.json deaths-of-notable-people"] = 0.73,
        ["ag-news-round77 topics.writer2.json corruption-and-bribery"] = 0.92,
        ["ag-news-round77 topics.writer2.constrained.json bangladesh"] = 0.99,
        // 0.893 (0.869 with its constraint) at the first shot: "Stocks Plunge" and "Montana" no longer name Lithuanian
        // and Bulgarian provinces for `place:` (0.943), nor "Khmer Rouge" Estonia's Rõuge (0.980, the fifty-sixth stop).
        ["ag-news-round79 topics.json central-eastern-europe"] = 0.98,
        ["ag-news-round79 topics.json churches-and-the-vatican"] = 0.93,
        ["ag-news-round79 topics.json developer-tools-and-databases"] = 0.89,
        ["ag-news-round79 topics.json forecasting-natural-hazards"] = 0.86,
        ["ag-news-round79 topics.json player-signings-trades-and-transfers"] = 0.74,
        ["ag-news-round79 topics.constrained.json central-eastern-europe"] = 0.95,
        ["ag-news-round79 topics.writer2.json central-eastern-europe"] = 0.98,
        ["ag-news-round79 topics.writer2.json churches-and-the-vatican"] = 0.89,
        ["ag-news-round79 topics.writer2.json developer-tools-and-databases"] = 0.87,
        ["ag-news-round79 topics.writer2.json forecasting-natural-hazards"] = 0.89,
        ["ag-news-round79 topics.writer2.json player-signings-trades-and-transfers"] = 0.61,
        ["ag-news-round79 topics.writer2.constrained.json central-eastern-europe"] = 0.98,
        ["ag-news-round80 topics.json investment-banks-and-brokerages"] = 0.69,
        ["ag-news-round80 topics.json microsoft-corporate-business"] = 0.90,
        ["ag-news-round80 topics.json mobile-phone-handsets"] = 0.82,
        ["ag-news-round80 topics.json technology-company-acquisitions"] = 0.61,
        ["ag-news-round80 topics.json trade-disputes-and-trade-pacts"] = 0.89,
        ["ag-news-round80 topics.writer2.json investment-banks-and-brokerages"] = 0.73,
        ["ag-news-round80 topics.writer2.json microsoft-corporate-business"] = 0.89,
        ["ag-news-round80 topics.writer2.json mobile-phone-handsets"] = 0.80,
        ["ag-news-round80 topics.writer2.json technology-company-acquisitions"] = 0.74,
        ["ag-news-round80 topics.writer2.json trade-disputes-and-trade-pacts"] = 0.88,
        // The phone companies 0.867 / 0.892 at the first shot: a feed's advertisement in escaped markup is no part of a
        // story since the fifty-seventh stop.
        ["ag-news-round81 topics.json delays-and-postponements"] = 0.80,
        ["ag-news-round81 topics.json rankings-and-league-tables"] = 0.58,
        ["ag-news-round81 topics.json rugby-union"] = 0.88,
        ["ag-news-round81 topics.json us-landline-phone-companies"] = 0.89,
        ["ag-news-round81 topics.json zimbabwe"] = 0.94,
        ["ag-news-round81 topics.constrained.json us-landline-phone-companies"] = 0.90,
        ["ag-news-round81 topics.writer2.json delays-and-postponements"] = 0.77,
        ["ag-news-round81 topics.writer2.json rankings-and-league-tables"] = 0.66,
        ["ag-news-round81 topics.writer2.json rugby-union"] = 0.85,
        ["ag-news-round81 topics.writer2.json us-landline-phone-companies"] = 0.91,
        ["ag-news-round81 topics.writer2.json zimbabwe"] = 0.97,
        ["ag-news-round81 topics.writer2.constrained.json us-landline-phone-companies"] = 0.92,
        ["ag-news-round82 topics.json identification-technology"] = 0.91,
        ["ag-news-round82 topics.json oil-and-gas-companies"] = 0.90,
        ["ag-news-round82 topics.json san-francisco-bay-area"] = 0.85,
        ["ag-news-round82 topics.json transport-infrastructure"] = 0.80,
        ["ag-news-round82 topics.json travel-and-tourism-industry"] = 0.82,
        ["ag-news-round82 topics.writer2.json identification-technology"] = 0.89,
        ["ag-news-round82 topics.writer2.json oil-and-gas-companies"] = 0.88,
        ["ag-news-round82 topics.writer2.json san-francisco-bay-area"] = 0.85,
        ["ag-news-round82 topics.writer2.json transport-infrastructure"] = 0.67,
        ["ag-news-round82 topics.writer2.json travel-and-tourism-industry"] = 0.81,
        ["ag-news-round83 topics.json elections-in-smaller-countries"] = 0.59,
        ["ag-news-round83 topics.json global-poverty-and-debt-relief"] = 0.72,
        ["ag-news-round83 topics.json nordic-countries"] = 0.89,
        ["ag-news-round83 topics.json pharmacies-and-drug-importation"] = 0.96,
        ["ag-news-round83 topics.json winter-sports"] = 0.89,
        ["ag-news-round83 topics.constrained.json elections-in-smaller-countries"] = 0.66,
        ["ag-news-round83 topics.writer2.json elections-in-smaller-countries"] = 0.47,
        ["ag-news-round83 topics.writer2.json global-poverty-and-debt-relief"] = 0.66,
        ["ag-news-round83 topics.writer2.json nordic-countries"] = 0.87,
        ["ag-news-round83 topics.writer2.json pharmacies-and-drug-importation"] = 0.92,
        ["ag-news-round83 topics.writer2.json winter-sports"] = 0.82,
        ["ag-news-round83 topics.writer2.constrained.json elections-in-smaller-countries"] = 0.59,
        ["ag-news-round84 topics.json denver-colorado-teams"] = 0.94,
        ["ag-news-round84 topics.json philadelphia-city-and-teams"] = 0.96,
        ["ag-news-round84 topics.json stem-cells-cloning-and-fertility-science"] = 1.00,
        ["ag-news-round84 topics.json toshiba"] = 1.00,
        ["ag-news-round84 topics.json voting-technology-and-election-administration"] = 0.85,
        ["ag-news-round84 topics.constrained.json voting-technology-and-election-administration"] = 0.84,
        ["ag-news-round84 topics.writer2.json denver-colorado-teams"] = 0.94,
        ["ag-news-round84 topics.writer2.json philadelphia-city-and-teams"] = 0.98,
        ["ag-news-round84 topics.writer2.json stem-cells-cloning-and-fertility-science"] = 1.00,
        ["ag-news-round84 topics.writer2.json toshiba"] = 1.00,
        ["ag-news-round84 topics.writer2.json voting-technology-and-election-administration"] = 0.85,
        ["ag-news-round84 topics.writer2.constrained.json voting-technology-and-election-administration"] = 0.85,
        ["ag-news-round85 topics.json insurance-industry"] = 0.90,
        ["ag-news-round85 topics.json murder-cases"] = 0.65,
        ["ag-news-round85 topics.json reds-pirates-brewers"] = 0.97,
        ["ag-news-round85 topics.json regulatory-approvals"] = 0.74,
        ["ag-news-round85 topics.json security-software-industry"] = 0.58,
        ["ag-news-round85 topics.writer2.json insurance-industry"] = 0.87,
        ["ag-news-round85 topics.writer2.json murder-cases"] = 0.68,
        ["ag-news-round85 topics.writer2.json reds-pirates-brewers"] = 0.97,
        ["ag-news-round85 topics.writer2.json regulatory-approvals"] = 0.71,
        ["ag-news-round85 topics.writer2.json security-software-industry"] = 0.63,
        ["ag-news-round85 topics.writer2.constrained.json regulatory-approvals"] = 0.67,
        ["ag-news-round86 topics.json athlete-retirements-and-comebacks"] = 0.61,
        ["ag-news-round86 topics.json search-and-rescue-and-missing-people"] = 0.62,
        ["ag-news-round86 topics.json software-releases-and-new-versions"] = 0.65,
        ["ag-news-round86 topics.json switzerland-swiss-affairs-and-companies"] = 0.94,
        ["ag-news-round86 topics.json us-airlines-beyond-bankrupt-carriers"] = 0.87,
        ["ag-news-round86 topics.writer2.json athlete-retirements-and-comebacks"] = 0.59,
        ["ag-news-round86 topics.writer2.json search-and-rescue-and-missing-people"] = 0.82,
        ["ag-news-round86 topics.writer2.json software-releases-and-new-versions"] = 0.58,
        ["ag-news-round86 topics.writer2.json switzerland-swiss-affairs-and-companies"] = 0.92,
        ["ag-news-round86 topics.writer2.json us-airlines-beyond-bankrupt-carriers"] = 0.85,
        ["ag-news-round86 topics.writer2.constrained.json switzerland-swiss-affairs-and-companies"] = 0.90,        ["ag-news-round87 topics.json atlanta-and-georgia-us-state"] = 0.79,
        ["ag-news-round87 topics.json louisiana-teams-saints-hornets-lsu"] = 0.87,
        ["ag-news-round87 topics.json uefa-and-uefa-cup"] = 0.92,
        ["ag-news-round87 topics.json pharmaceutical-industry-business"] = 0.91,
        ["ag-news-round87 topics.json labour-law-and-pay-rules"] = 0.81,
        ["ag-news-round87 topics.constrained.json atlanta-and-georgia-us-state"] = 0.79,
        ["ag-news-round87 topics.writer2.json atlanta-and-georgia-us-state"] = 0.87,
        ["ag-news-round87 topics.writer2.json louisiana-teams-saints-hornets-lsu"] = 0.90,
        ["ag-news-round87 topics.writer2.json uefa-and-uefa-cup"] = 0.92,
        ["ag-news-round87 topics.writer2.json pharmaceutical-industry-business"] = 0.87,
        ["ag-news-round87 topics.writer2.json labour-law-and-pay-rules"] = 0.96,
        ["ag-news-round87 topics.writer2.constrained.json atlanta-and-georgia-us-state"] = 0.85,
        ["ag-news-round88 topics.json euro-zone-economy"] = 0.86,
        ["ag-news-round88 topics.json email-services-and-software"] = 0.84,
        ["ag-news-round88 topics.json lawsuit-settlements"] = 0.87,
        ["ag-news-round88 topics.json future-olympics-and-the-ioc"] = 0.80,
        ["ag-news-round88 topics.json republic-of-ireland"] = 0.91,
        ["ag-news-round88 topics.constrained.json republic-of-ireland"] = 0.91,
        ["ag-news-round88 topics.writer2.json euro-zone-economy"] = 0.90,
        ["ag-news-round88 topics.writer2.json email-services-and-software"] = 0.82,
        ["ag-news-round88 topics.writer2.json lawsuit-settlements"] = 0.92,
        ["ag-news-round88 topics.writer2.json future-olympics-and-the-ioc"] = 0.83,
        ["ag-news-round88 topics.writer2.json republic-of-ireland"] = 0.91,
        ["ag-news-round88 topics.writer2.constrained.json republic-of-ireland"] = 0.91,
        ["ag-news-round89 topics.json tech-startups-and-venture-capital"] = 0.58,
        ["ag-news-round89 topics.json mobile-phone-content-and-services"] = 0.72,
        ["ag-news-round89 topics.json digital-home-entertainment"] = 0.67,
        ["ag-news-round89 topics.json tech-industry-conferences-and-trade-shows"] = 0.81,
        ["ag-news-round89 topics.json womens-basketball"] = 0.63,
        ["ag-news-round89 topics.writer2.json tech-startups-and-venture-capital"] = 0.55,
        ["ag-news-round89 topics.writer2.json mobile-phone-content-and-services"] = 0.72,
        ["ag-news-round89 topics.writer2.json digital-home-entertainment"] = 0.67,
        ["ag-news-round89 topics.writer2.json tech-industry-conferences-and-trade-shows"] = 0.75,
        ["ag-news-round89 topics.writer2.json womens-basketball"] = 0.60,
        ["ag-news-round90 topics.json kansas-missouri-teams-and-news"] = 0.77,
        ["ag-news-round90 topics.json political-parties-outside-us"] = 0.60,
        ["ag-news-round90 topics.json new-plants-and-facilities"] = 0.56,
        ["ag-news-round90 topics.json public-apologies"] = 0.73,
        ["ag-news-round90 topics.json protecting-children-from-harmful-media"] = 0.80,
        ["ag-news-round90 topics.constrained.json political-parties-outside-us"] = 0.61,
        ["ag-news-round90 topics.writer2.json kansas-missouri-teams-and-news"] = 0.90,
        ["ag-news-round90 topics.writer2.json political-parties-outside-us"] = 0.77,
        ["ag-news-round90 topics.writer2.json new-plants-and-facilities"] = 0.63,
        ["ag-news-round90 topics.writer2.json public-apologies"] = 0.76,
        ["ag-news-round90 topics.writer2.json protecting-children-from-harmful-media"] = 0.88,
        ["ag-news-round90 topics.writer2.constrained.json political-parties-outside-us"] = 0.78,
        ["ag-news-round91 topics.json winning-and-losing-streaks"] = 0.74,
        ["ag-news-round91 topics.json shortages-and-supply-squeezes"] = 0.74,
        ["ag-news-round91 topics.json utility-computing"] = 0.83,
        ["ag-news-round91 topics.json courts-outside-the-us"] = 0.80,
        ["ag-news-round91 topics.json texas-sports-teams"] = 0.87,
        ["ag-news-round91 topics.constrained.json courts-outside-the-us"] = 0.79,
        ["ag-news-round91 topics.writer2.json winning-and-losing-streaks"] = 0.73,
        ["ag-news-round91 topics.writer2.json shortages-and-supply-squeezes"] = 0.81,
        ["ag-news-round91 topics.writer2.json utility-computing"] = 0.93,
        ["ag-news-round91 topics.writer2.json courts-outside-the-us"] = 0.74,
        ["ag-news-round91 topics.writer2.json texas-sports-teams"] = 0.90,
        ["ag-news-round91 topics.writer2.constrained.json courts-outside-the-us"] = 0.73,
        ["ag-news-round92 topics.json michigan-beyond-detroit-pro-sports"] = 0.85,
        ["ag-news-round92 topics.json business-of-sport"] = 0.71,
        ["ag-news-round92 topics.json leaks-and-espionage"] = 0.69,
        ["ag-news-round92 topics.json justice-for-past-atrocities"] = 0.84,
        ["ag-news-round92 topics.json charities-and-philanthropy"] = 0.67,
        ["ag-news-round92 topics.writer2.json michigan-beyond-detroit-pro-sports"] = 0.86,
        ["ag-news-round92 topics.writer2.json business-of-sport"] = 0.71,
        ["ag-news-round92 topics.writer2.json leaks-and-espionage"] = 0.82,
        ["ag-news-round92 topics.writer2.json justice-for-past-atrocities"] = 0.74,
        ["ag-news-round92 topics.writer2.json charities-and-philanthropy"] = 0.83,
        ["ag-news-round93 topics.json aircraft-makers-beyond-boeing"] = 0.90,
        ["ag-news-round93 topics.json wal-mart-stores"] = 0.99,
        ["ag-news-round93 topics.json new-zealand-and-south-pacific"] = 0.95,
        ["ag-news-round93 topics.json pittsburgh-and-pennsylvania"] = 0.95,
        ["ag-news-round93 topics.json championship-titles-won"] = 0.34,
        ["ag-news-round93 topics.writer2.json aircraft-makers-beyond-boeing"] = 0.89,
        ["ag-news-round93 topics.writer2.json wal-mart-stores"] = 0.99,
        ["ag-news-round93 topics.writer2.json new-zealand-and-south-pacific"] = 0.95,
        ["ag-news-round93 topics.writer2.json pittsburgh-and-pennsylvania"] = 0.85,
        ["ag-news-round93 topics.writer2.json championship-titles-won"] = 0.60,
        ["ag-news-round93 topics.writer2.constrained.json pittsburgh-and-pennsylvania"] = 0.87,
        ["ag-news-round96 topics.json come-from-behind-wins"] = 0.64,
        ["ag-news-round96 topics.json team-selection-and-starting-jobs"] = 0.45,
        ["ag-news-round96 topics.json mid-south-us-states"] = 0.87,
        ["ag-news-round96 topics.json german-football"] = 0.96,
        ["ag-news-round96 topics.json chelsea-fc"] = 0.92,
        ["ag-news-round96 topics.writer2.json come-from-behind-wins"] = 0.61,
        ["ag-news-round96 topics.writer2.json team-selection-and-starting-jobs"] = 0.47,
        ["ag-news-round96 topics.writer2.json mid-south-us-states"] = 0.85,
        ["ag-news-round96 topics.writer2.json german-football"] = 0.96,
        ["ag-news-round96 topics.writer2.json chelsea-fc"] = 0.93,
        ["ag-news-round98 topics.json rivalry-games-and-derbies"] = 0.55,
        ["ag-news-round98 topics.json lopsided-wins-and-routs"] = 0.47,
        ["ag-news-round98 topics.json recorded-music-industry-and-artists"] = 0.72,
        ["ag-news-round98 topics.json it-services-and-consulting"] = 0.63,
        ["ag-news-round98 topics.json alaska-and-the-arctic"] = 0.93,
        ["ag-news-round98 topics.writer2.json rivalry-games-and-derbies"] = 0.52,
        ["ag-news-round98 topics.writer2.json lopsided-wins-and-routs"] = 0.55,
        ["ag-news-round98 topics.writer2.json recorded-music-industry-and-artists"] = 0.74,
        ["ag-news-round98 topics.writer2.json it-services-and-consulting"] = 0.64,
        ["ag-news-round98 topics.writer2.json alaska-and-the-arctic"] = 0.93,
        ["ag-news-round101 topics.json offbeat-and-quirky-news"] = 0.17,
        ["ag-news-round101 topics.json sports-fans-and-supporters"] = 0.60,
        ["ag-news-round101 topics.json us-congressional-and-state-races-2004"] = 0.71,
        ["ag-news-round101 topics.json oceans-rivers-and-fisheries"] = 0.68,
        ["ag-news-round101 topics.json french-sportspeople-and-teams"] = 0.96,
        ["ag-news-round101 topics.constrained.json offbeat-and-quirky-news"] = 0.17,
        ["ag-news-round101 topics.constrained.json sports-fans-and-supporters"] = 0.60,
        ["ag-news-round101 topics.constrained.json us-congressional-and-state-races-2004"] = 0.71,
        ["ag-news-round101 topics.constrained.json oceans-rivers-and-fisheries"] = 0.68,
        ["ag-news-round101 topics.constrained.json french-sportspeople-and-teams"] = 0.96,
        ["ag-news-round101 topics.writer2.json offbeat-and-quirky-news"] = 0.17,
        ["ag-news-round101 topics.writer2.json sports-fans-and-supporters"] = 0.61,
        ["ag-news-round101 topics.writer2.json us-congressional-and-state-races-2004"] = 0.75,
        ["ag-news-round101 topics.writer2.json oceans-rivers-and-fisheries"] = 0.71,
        ["ag-news-round101 topics.writer2.json french-sportspeople-and-teams"] = 0.94,
        ["ag-news-round101 topics.writer2.constrained.json offbeat-and-quirky-news"] = 0.17,
        ["ag-news-round101 topics.writer2.constrained.json sports-fans-and-supporters"] = 0.61,
        ["ag-news-round101 topics.writer2.constrained.json us-congressional-and-state-races-2004"] = 0.75,
        ["ag-news-round101 topics.writer2.constrained.json oceans-rivers-and-fisheries"] = 0.71,
        ["ag-news-round101 topics.writer2.constrained.json french-sportspeople-and-teams"] = 0.94,
        ["ag-news-round104 topics.json track-and-field-athletics"] = 0.95,
        ["ag-news-round104 topics.json french-companies"] = 0.91,
        ["ag-news-round104 topics.json upstate-new-york"] = 0.78,
        ["ag-news-round104 topics.json san-diego"] = 1.00,
        ["ag-news-round104 topics.json sports-feuds-and-public-rows"] = 0.43,
        ["ag-news-round104 topics.constrained.json track-and-field-athletics"] = 0.95,
        ["ag-news-round104 topics.constrained.json french-companies"] = 0.91,
        ["ag-news-round104 topics.constrained.json upstate-new-york"] = 0.81,
        ["ag-news-round104 topics.constrained.json san-diego"] = 1.00,
        ["ag-news-round104 topics.constrained.json sports-feuds-and-public-rows"] = 0.43,
        ["ag-news-round104 topics.writer2.json track-and-field-athletics"] = 0.93,
        ["ag-news-round104 topics.writer2.json french-companies"] = 0.91,
        ["ag-news-round104 topics.writer2.json upstate-new-york"] = 0.83,
        ["ag-news-round104 topics.writer2.json san-diego"] = 0.95,
        ["ag-news-round104 topics.writer2.json sports-feuds-and-public-rows"] = 0.36,
        ["ag-news-round104 topics.writer2.constrained.json track-and-field-athletics"] = 0.93,
        ["ag-news-round104 topics.writer2.constrained.json french-companies"] = 0.91,
        ["ag-news-round104 topics.writer2.constrained.json upstate-new-york"] = 0.83,
        ["ag-news-round104 topics.writer2.constrained.json san-diego"] = 0.95,
        ["ag-news-round104 topics.writer2.constrained.json sports-feuds-and-public-rows"] = 0.36,
        ["ag-news-round106 topics.json federal-reserve-beyond-rate-decisions"] = 0.91,
        ["ag-news-round106 topics.json computer-associates"] = 0.96,
        ["ag-news-round106 topics.json oracle-beyond-peoplesoft"] = 0.88,
        ["ag-news-round106 topics.json microsoft-products-beyond-windows"] = 0.73,
        ["ag-news-round106 topics.json terrorism-prosecutions"] = 0.84,
        ["ag-news-round106 topics.writer2.json federal-reserve-beyond-rate-decisions"] = 1.00,
        ["ag-news-round106 topics.writer2.json computer-associates"] = 1.00,
        ["ag-news-round106 topics.writer2.json oracle-beyond-peoplesoft"] = 0.94,
        ["ag-news-round106 topics.writer2.json microsoft-products-beyond-windows"] = 0.75,
        ["ag-news-round106 topics.writer2.json terrorism-prosecutions"] = 0.92,
        ["ag-news-round108 topics.json baseball-pitchers-and-pitching"] = 0.77,
        ["ag-news-round108 topics.json cricket-bowlers-and-bowling"] = 0.87,
        ["ag-news-round108 topics.json journalists-and-press-freedom"] = 0.62,
        ["ag-news-round108 topics.json civilians-killed-by-soldiers"] = 0.64,
        ["ag-news-round108 topics.json technology-for-small-and-midsize-businesses"] = 0.83,
        ["ag-news-round108 topics.writer2.json baseball-pitchers-and-pitching"] = 0.67,
        ["ag-news-round108 topics.writer2.json cricket-bowlers-and-bowling"] = 0.71,
        ["ag-news-round108 topics.writer2.json journalists-and-press-freedom"] = 0.59,
        ["ag-news-round108 topics.writer2.json civilians-killed-by-soldiers"] = 0.57,
        ["ag-news-round108 topics.writer2.json technology-for-small-and-midsize-businesses"] = 0.83,
        ["ag-news-round110 topics.json baseball-hitters-and-hitting"] = 0.73,
        ["ag-news-round110 topics.json basketball-scorers-and-big-individual-games"] = 0.62,
        ["ag-news-round110 topics.json american-football-receivers-and-tight-ends"] = 0.79,
        ["ag-news-round110 topics.json cricket-batsmen-and-batting"] = 0.79,
        ["ag-news-round110 topics.json business-tycoons-and-founders"] = 0.84,
        ["ag-news-round110 topics.writer2.json baseball-hitters-and-hitting"] = 0.75,
        ["ag-news-round110 topics.writer2.json basketball-scorers-and-big-individual-games"] = 0.74,
        ["ag-news-round110 topics.writer2.json american-football-receivers-and-tight-ends"] = 0.58,
        ["ag-news-round110 topics.writer2.json cricket-batsmen-and-batting"] = 0.93,
        ["ag-news-round110 topics.writer2.json business-tycoons-and-founders"] = 0.77,
        ["ag-news-round111 topics.json air-strikes-and-aerial-bombing"] = 0.80,
        ["ag-news-round111 topics.json rocket-mortar-and-artillery-fire"] = 0.85,
        ["ag-news-round111 topics.json womens-rights-and-gender"] = 0.58,
        ["ag-news-round111 topics.json monthly-sales-figures"] = 0.82,
        ["ag-news-round111 topics.json pornography-and-indecency"] = 0.79,
        ["ag-news-round111 topics.writer2.json air-strikes-and-aerial-bombing"] = 0.82,
        ["ag-news-round111 topics.writer2.json rocket-mortar-and-artillery-fire"] = 0.96,
        ["ag-news-round111 topics.writer2.json womens-rights-and-gender"] = 0.46,
        ["ag-news-round111 topics.writer2.json monthly-sales-figures"] = 0.74,
        ["ag-news-round111 topics.writer2.json pornography-and-indecency"] = 0.82,
    };

    // A constraint's recorded cost where it is not nothing (the first writer's `excludePlaces` for the neighbours of
    // Central and Eastern Europe: one core story told from Kiev, within the one-story budget; the eighty-fifth check's
    // second writer's list of regulators: two approvals that name no body on it; the eighty-sixth's second writer's
    // Swiss actors: a vote told without a nationality; the eighty-seventh's second writer's `excludePlaces` Georgia: a
    // college football story that names no place of the state; the ninety-first's `excludePlaces` United States on courts
    // outside the US, both writers: an EU judge's questions to "the U.S. software giant").
    private static readonly Dictionary<string, int> NewSubjectSetCosts = new(StringComparer.Ordinal)
    {
        ["ag-news-round79 topics.constrained.json central-eastern-europe"] = 1,
        ["ag-news-round85 topics.writer2.constrained.json regulatory-approvals"] = 2,
        ["ag-news-round86 topics.writer2.constrained.json switzerland-swiss-affairs-and-companies"] = 1,
        ["ag-news-round87 topics.writer2.constrained.json atlanta-and-georgia-us-state"] = 1,
        ["ag-news-round91 topics.constrained.json courts-outside-the-us"] = 1,
        ["ag-news-round91 topics.writer2.constrained.json courts-outside-the-us"] = 1,
    };

    [Theory]
    [InlineData("ag-news-round77", "topics.json")]
    [InlineData("ag-news-round77", "topics.writer2.json")]
    [InlineData("ag-news-round77", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round79", "topics.json")]
    [InlineData("ag-news-round79", "topics.constrained.json")]
    [InlineData("ag-news-round79", "topics.writer2.json")]
    [InlineData("ag-news-round79", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round80", "topics.json")]
    [InlineData("ag-news-round80", "topics.writer2.json")]
    [InlineData("ag-news-round81", "topics.json")]
    [InlineData("ag-news-round81", "topics.constrained.json")]
    [InlineData("ag-news-round81", "topics.writer2.json")]
    [InlineData("ag-news-round81", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round82", "topics.json")]
    [InlineData("ag-news-round82", "topics.writer2.json")]
    [InlineData("ag-news-round83", "topics.json")]
    [InlineData("ag-news-round83", "topics.constrained.json")]
    [InlineData("ag-news-round83", "topics.writer2.json")]
    [InlineData("ag-news-round83", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round84", "topics.json")]
    [InlineData("ag-news-round84", "topics.constrained.json")]
    [InlineData("ag-news-round84", "topics.writer2.json")]
    [InlineData("ag-news-round84", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round85", "topics.json")]
    [InlineData("ag-news-round85", "topics.writer2.json")]
    [InlineData("ag-news-round85", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round86", "topics.json")]
    [InlineData("ag-news-round86", "topics.writer2.json")]
    [InlineData("ag-news-round86", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round87", "topics.json")]
    [InlineData("ag-news-round87", "topics.constrained.json")]
    [InlineData("ag-news-round87", "topics.writer2.json")]
    [InlineData("ag-news-round87", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round88", "topics.json")]
    [InlineData("ag-news-round88", "topics.constrained.json")]
    [InlineData("ag-news-round88", "topics.writer2.json")]
    [InlineData("ag-news-round88", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round89", "topics.json")]
    [InlineData("ag-news-round89", "topics.writer2.json")]
    [InlineData("ag-news-round90", "topics.json")]
    [InlineData("ag-news-round90", "topics.constrained.json")]
    [InlineData("ag-news-round90", "topics.writer2.json")]
    [InlineData("ag-news-round90", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round91", "topics.json")]
    [InlineData("ag-news-round91", "topics.constrained.json")]
    [InlineData("ag-news-round91", "topics.writer2.json")]
    [InlineData("ag-news-round91", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round92", "topics.json")]
    [InlineData("ag-news-round92", "topics.writer2.json")]
    [InlineData("ag-news-round93", "topics.json")]
    [InlineData("ag-news-round93", "topics.writer2.json")]
    [InlineData("ag-news-round93", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round96", "topics.json")]
    [InlineData("ag-news-round96", "topics.writer2.json")]
    [InlineData("ag-news-round98", "topics.json")]
    [InlineData("ag-news-round98", "topics.writer2.json")]
    [InlineData("ag-news-round101", "topics.json")]
    [InlineData("ag-news-round101", "topics.constrained.json")]
    [InlineData("ag-news-round101", "topics.writer2.json")]
    [InlineData("ag-news-round101", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round104", "topics.json")]
    [InlineData("ag-news-round104", "topics.constrained.json")]
    [InlineData("ag-news-round104", "topics.writer2.json")]
    [InlineData("ag-news-round104", "topics.writer2.constrained.json")]
    [InlineData("ag-news-round106", "topics.json")]
    [InlineData("ag-news-round106", "topics.writer2.json")]
    [InlineData("ag-news-round108", "topics.json")]
    [InlineData("ag-news-round108", "topics.writer2.json")]
    [InlineData("ag-news-round110", "topics.json")]
    [InlineData("ag-news-round110", "topics.writer2.json")]
    [InlineData("ag-news-round111", "topics.json")]
    [InlineData("ag-news-round111", "topics.writer2.json")]
    public async Task NewSubjectSets_DevelopmentHalf_MeetsRecordedFloors(string set, string topicFile)
    {
        // Act
        var results = await EvaluateAsync(set, topicFile, t => NewSubjectSetFloors.ContainsKey($"{set} {topicFile} {t.Id}"));

        // Assert: within the floors, and no constraint costing more than recorded.
        Assert.NotEmpty(results);
        AssertMeetsFloors(results, topicId => NewSubjectSetFloors[$"{set} {topicFile} {topicId}"]);
        Assert.All(results, result => Assert.True(
            (result.ConstraintCost ?? 0) <= NewSubjectSetCosts.GetValueOrDefault($"{set} {topicFile} {result.TopicId}"),
            $"{result.TopicId} constraint cost {result.ConstraintCost}"));
    }

    // Each topic's F1 at least its recorded floor, less a hundredth (figures are recorded to three places).
    private static void AssertMeetsFloors(IReadOnlyList<TopicQuality> results, Func<string, double> floorOf)
    {
        foreach (var result in results)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{result.TopicId}: P {result.Precision:0.000} R {result.Recall:0.000} F1 {result.F1:0.000} cost {result.ConstraintCost}");
            Assert.True(result.F1 >= floorOf(result.TopicId) - 0.01, $"{result.TopicId} F1 {result.F1:0.000}");
        }
    }

    [Theory]
    [InlineData("ag-news-check", "topics.constrained.json")]
    [InlineData("ag-news-round3", "topics.constrained.json")]
    [InlineData("ag-news-round4", "topics.constrained.json")]
    [InlineData("ag-news-round6", "topics.constrained.json")]
    [InlineData("ag-news-round9", "topics.dev.constrained.json")]
    [InlineData("ag-news-actors", "topics.constrained.json")]
    [InlineData("ag-news-round11", "topics.constrained.json")]
    [InlineData("ag-news-round13", "topics.dev.constrained.json")]
    [InlineData("ag-news-round15", "topics.constrained.json")]
    [InlineData("ag-news-round18", "topics.constrained.json")]
    [InlineData("ag-news-round20", "topics.constrained.json")]
    [InlineData("ag-news-round23", "topics.constrained.json")]
    [InlineData("ag-news-round25", "topics.constrained.json")]
    [InlineData("ag-news-round27", "topics.constrained.json")]
    [InlineData("ag-news-constraints", "topics.constrained.json")]
    [InlineData("ag-news-rewrites", "topics.constrained.json")]
    public async Task LaterDevelopmentSets_ConstraintsCostNoMoreThanRecorded(string set, string topicFile)
    {
        // Act
        var results = await EvaluateAsync(set, topicFile, t => t.Constraints is { Places.Count: > 0 } or { ActorNationalities.Count: > 0 });

        // Assert
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{result.TopicId}: F1 {result.F1:0.000} cost {result.ConstraintCost}");
            Assert.True(RecordedConstraintCosts.TryGetValue(result.TopicId, out var recorded), $"{result.TopicId}: no constraint cost recorded for it here");
            Assert.True(result.ConstraintCost <= recorded, $"{result.TopicId} constraint cost {result.ConstraintCost}");
        }
    }

    // One evaluation set's topics (those the filter keeps) over the shared corpus; skips when ../shared is absent.
    private static async Task<IReadOnlyList<TopicQuality>> EvaluateAsync(string set, string topicFile, Func<WatchTopic, bool> keep)
    {
        var shared = TestSupport.SharedFolder();
        if (shared is null)
        {
            Assert.Skip("../shared is not present");
        }

        var folder = Path.Combine(TestSupport.RepositoryRoot(), "eval", set);
        var topics = TopicFile.Load(Path.Combine(folder, topicFile)).Where(keep).ToList();
        var labels = RelevanceLabels.Load(Path.Combine(folder, "labels.tsv"));
        var articles = QualityEvaluationTests.ReadCorpus(Path.Combine(shared, "corpus", "ag_news_test.csv"))
            .Select((row, index) => new Article(index.ToString(CultureInfo.InvariantCulture), "eval", row.Title, null, row.Body, null, DateTimeOffset.UnixEpoch) { Categories = [row.Section] })
            .ToList();
        return await RelevanceEvaluation.RunAsync(topics, articles, labels, topics => TestSupport.Scorer(topics), TestContext.Current.CancellationToken);
    }
}
