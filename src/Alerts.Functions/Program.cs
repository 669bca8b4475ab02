using Alerts.Core;
using Alerts.Functions;
using Alerts.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddAlertsCore(builder.Configuration)
    .AddAlertsInfrastructure(builder.Configuration)
    .AddAlertsHttpApi();

// Insert-if-absent dedupe answers 409 by design; Azure.Core would log each as a warning.
builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
builder.Build().Run();
