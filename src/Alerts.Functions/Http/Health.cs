using Alerts.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Http;

/// <summary>
/// GET /api/health: anonymous, no secrets. 200 when healthy or degraded (it runs; <c>problems</c> says what needs a
/// look), 503 when storage cannot be reached, so a load balancer or uptime probe can use it as it is. A report is
/// reused for 30 seconds, so a probe every few seconds does not read whole tables each time.
/// </summary>
public sealed class Health(HealthCheck check)
{
    /// <summary>HTTP entry point.</summary>
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await check.RecentAsync(cancellationToken);
        return new ObjectResult(report) { StatusCode = report.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK };
    }
}
