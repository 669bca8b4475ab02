using Alerts.Core.Entities;
using Alerts.Core.Scoring;

namespace Alerts.Core.Tests.Scoring;

/// <summary>The places a topic lists, resolved (see docs/scoring.md, "One name, two readings").</summary>
public sealed class PlaceSetTests
{
    [Theory]
    [InlineData("Kabul", "Kabul, Afghanistan")]
    [InlineData("Paris", "Paris, France")]
    [InlineData("Baghdad", "Baghdad, Iraq")]
    public void Add_SubdivisionNamedLikeItsCity_HoldsTheCity(string listed, string city)
    {
        // Arrange
        var places = new PlaceSet();

        // Act
        places.Add(listed, Gazetteer.Default);

        // Assert
        Assert.True(places.Holds(Gazetteer.Default.Resolve(city)!));
    }

    [Fact]
    public void Add_SubdivisionNamedLikeSmallTownsElsewhere_DoesNotHoldThem()
    {
        // Arrange: Ishikawa prefecture; towns called Ishikawa lie in Okinawa and Fukushima.
        var places = new PlaceSet();
        var towns = Gazetteer.Default.ReadingsOf("Ishikawa").Where(r => r.Kind == EntityKind.City).ToList();

        // Act
        places.Add("Ishikawa", Gazetteer.Default);

        // Assert
        Assert.NotEmpty(towns);
        Assert.DoesNotContain(towns, places.Holds);
    }
}
