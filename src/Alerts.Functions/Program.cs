using Alerts.Core;
using Alerts.Functions;
using Alerts.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddAlertsCore(builder.Configuration)
    .AddAlertsInfrastructure(builder.Configuration)
    .AddAlertsHttpApi();
builder.Build().Run();
