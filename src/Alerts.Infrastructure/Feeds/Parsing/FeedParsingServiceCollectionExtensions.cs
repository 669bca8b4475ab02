using Alerts.Core.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>Registers the feed parser.</summary>
public static class FeedParsingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IFeedParser"/> as a singleton, with limits from the <c>Alerts:Feeds</c> section.</summary>
    public static IServiceCollection AddAlertsFeedParsing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new FeedParserOptions();
        configuration.GetSection(FeedParserOptions.SectionName).Bind(options);
        services.AddSingleton<IFeedParser>(new FeedParser(options));
        return services;
    }
}
