using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Alerts.Core.Text;

/// <summary>Turns HTML fragments into readable plain text (entities decoded, blocks separated, scripts dropped).</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
        "blockquote", "pre", "section", "article", "header", "footer", "dd", "dt", "hr",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head",
    };

    /// <summary>
    /// Returns the text of an HTML fragment with whitespace collapsed. Text without markup comes back
    /// with entities decoded, so it is safe to call on values that may or may not be HTML.
    /// </summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var document = Parser.ParseDocument("<body></body>");
        var fragment = Parser.ParseFragment(html, document.Body!);
        var builder = new StringBuilder(html.Length);
        foreach (var node in fragment)
        {
            AppendText(node, builder);
        }

        return CollapseWhitespace(builder);
    }

    private static void AppendText(INode node, StringBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Append(text.Data);
                break;
            case IElement element when SkippedElements.Contains(element.LocalName):
                break;
            case IElement element:
                var isBlock = BlockElements.Contains(element.LocalName);
                if (isBlock)
                {
                    builder.Append('\n');
                }

                foreach (var child in element.ChildNodes)
                {
                    AppendText(child, builder);
                }

                if (isBlock)
                {
                    builder.Append('\n');
                }

                break;
        }
    }

    // Keeps paragraph breaks (one newline) but folds runs of spaces, tabs and blank lines.
    private static string CollapseWhitespace(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingNewline = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                pendingNewline = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
            else
            {
                if (result.Length > 0 && (pendingNewline || pendingSpace))
                {
                    result.Append(pendingNewline ? '\n' : ' ');
                }

                pendingSpace = pendingNewline = false;
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
