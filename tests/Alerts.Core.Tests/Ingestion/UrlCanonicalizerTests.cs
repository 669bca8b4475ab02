using Alerts.Core.Ingestion;

namespace Alerts.Core.Tests.Ingestion;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTP://News.Example.COM/World/Story", "http://news.example.com/World/Story")]
    [InlineData("https://news.example.com:443/a", "https://news.example.com/a")]
    [InlineData("http://news.example.com:80/a", "http://news.example.com/a")]
    [InlineData("https://news.example.com:8443/a", "https://news.example.com:8443/a")]
    [InlineData("https://news.example.com/a#comments", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a/b/", "https://news.example.com/a/b")]
    [InlineData("https://news.example.com", "https://news.example.com/")]
    [InlineData("https://news.example.com/", "https://news.example.com/")]
    [InlineData("https://news.example.com./a", "https://news.example.com/a")]
    [InlineData("https://user:secret@news.example.com/a", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a/./b/../c", "https://news.example.com/a/c")]
    [InlineData("https://news.example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=rss&id=7", "https://news.example.com/a?id=7")]
    [InlineData("https://news.example.com/a?b=2&a=1&c=3", "https://news.example.com/a?a=1&b=2&c=3")]
    [InlineData("https://news.example.com/a?id=7&", "https://news.example.com/a?id=7")]
    [InlineData("https://news.example.com/a%2fb?q=%c3%a9", "https://news.example.com/a%2Fb?q=%C3%A9")]
    [InlineData("https://bücher.example/neu", "https://xn--bcher-kva.example/neu")]
    [InlineData("https://news.example.com/app#!/story/12", "https://news.example.com/app#!/story/12")]
    public void Canonicalize_Variant_ReturnsCanonicalForm(string input, string expected)
    {
        // Arrange
        var url = new Uri(input);

        // Act
        var canonical = UrlCanonicalizer.Canonicalize(url);

        // Assert
        Assert.Equal(expected, canonical.AbsoluteUri);
    }

    [Fact]
    public void Canonicalize_SpellingsOfOneArticle_AllEqual()
    {
        // Arrange
        string[] spellings =
        [
            "https://News.Example.com/world/kabul-airport/",
            "https://news.example.com:443/world/kabul-airport?utm_source=feed#top",
            "HTTPS://news.example.com/world/kabul-airport?fbclid=abc",
        ];

        // Act
        var canonical = spellings.Select(s => UrlCanonicalizer.Canonicalize(new Uri(s)).AbsoluteUri).Distinct().ToList();

        // Assert
        Assert.Single(canonical);
    }

    [Fact]
    public void Canonicalize_IdentityParameters_Kept()
    {
        // Arrange
        var first = new Uri("https://news.example.com/article.php?id=1");
        var second = new Uri("https://news.example.com/article.php?id=2");

        // Act
        var a = UrlCanonicalizer.Canonicalize(first);
        var b = UrlCanonicalizer.Canonicalize(second);

        // Assert
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("ftp://news.example.com/a")]
    [InlineData("mailto:desk@example.com")]
    [InlineData("file:///etc/passwd")]
    public void Canonicalize_NonHttpUrl_Throws(string input)
    {
        // Arrange
        var url = new Uri(input);

        // Act
        var error = Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(url));

        // Assert
        Assert.Contains("http(s)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    public void TryCanonicalize_UnusableText_ReturnsFalse(string? input)
    {
        // Act
        var ok = UrlCanonicalizer.TryCanonicalize(input, out var canonical);

        // Assert
        Assert.False(ok);
        Assert.Null(canonical);
    }

    [Fact]
    public void Canonicalize_AlreadyCanonical_IsFixedPoint()
    {
        // Arrange
        var once = UrlCanonicalizer.Canonicalize(new Uri("https://Example.com:443/a/b/?z=1&utm_term=x&a=2#f"));

        // Act
        var twice = UrlCanonicalizer.Canonicalize(once);

        // Assert
        Assert.Equal(once, twice);
    }
}
