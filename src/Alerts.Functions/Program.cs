using Alerts.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAlertsApp(builder.Configuration);
// The worker's telemetry joins the host's invocation (host.json "telemetryMode": "OpenTelemetry").
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Logging.AddAlertsLogFilters();
builder.Build().Run();
