using Alerts.Infrastructure.Http;

namespace Alerts.Infrastructure.Tests.Http;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData("Tue, 01 Dec 2026 12:01:30 GMT", 90)]
    [InlineData("Tue, 01 Dec 2026 11:00:00 GMT", 0)]
    public void Wait_SecondsOrDate_IsTheRequestedWait(string value, int seconds)
    {
        // Act
        var wait = RetryAfterHeader.Wait(value, Now);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), wait);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Wait_AbsentOrUnreadable_IsNull(string? value)
    {
        // Act / Assert
        Assert.Null(RetryAfterHeader.Wait(value, Now));
    }
}
