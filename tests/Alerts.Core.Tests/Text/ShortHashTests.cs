using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class ShortHashTests
{
    [Fact]
    public void Of_KnownText_IsThePrefixOfItsSha256()
    {
        // Act / Assert: SHA-256("abc") = ba7816bf 8f01cfea ...; stored ids depend on this never changing
        Assert.Equal("ba7816bf", ShortHash.Of("abc", 4));
        Assert.Equal("ba7816bf8f01cfea", ShortHash.Of("abc", 8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Of_LengthOutsideTheHash_IsRefused(int bytes)
    {
        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortHash.Of("abc", bytes));
    }
}
