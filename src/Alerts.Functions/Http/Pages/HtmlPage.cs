using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http.Pages;

/// <summary>
/// The pages subscribers reach from their messages: plain HTML that reads well on a phone, styles inline, no script
/// and nothing loaded from elsewhere.
/// </summary>
internal static class HtmlPage
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;margin:0;background:#f6f6f6}" +
        "main{max-width:640px;margin:0 auto;padding:16px;background:#fff;min-height:100vh;box-sizing:border-box}" +
        "h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem}" +
        "fieldset{border:1px solid #d0d0d0;border-radius:6px;margin:0 0 16px;padding:12px}legend{font-weight:600;padding:0 4px}" +
        "label{display:block;margin:10px 0 4px}label.inline{display:flex;gap:8px;align-items:center;margin:10px 0}" +
        "input,select{font-size:1rem;padding:8px;border:1px solid #8a8a8a;border-radius:4px;max-width:100%;box-sizing:border-box}" +
        "input[type=checkbox]{width:1.2rem;height:1.2rem}" +
        "button{font-size:1rem;padding:10px 18px;border:0;border-radius:4px;background:#5c2d91;color:#fff;cursor:pointer}" +
        "button.quiet{background:#fff;color:#a4262c;border:1px solid #a4262c}" +
        ".hint{color:#595959;font-size:.9rem;margin:4px 0}.errors{border:2px solid #a4262c;padding:8px 12px;border-radius:6px}" +
        ".done{border:2px solid #107c10;padding:8px 12px;border-radius:6px}" +
        ":focus-visible{outline:3px solid #0067b8;outline-offset:2px}" +
        "textarea{width:100%;font:1rem ui-monospace,Consolas,monospace;padding:8px;box-sizing:border-box}input[type=text]{width:100%}" +
        "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px;border-bottom:1px solid #e0e0e0}" +
        ".field-error{color:#a4262c;margin:4px 0}.items{padding-left:18px}.items li{margin-bottom:10px}.why{color:#424242;font-size:.9rem}" +
        ".items button{padding:4px 10px;font-size:.85rem;margin-top:4px}.words-found{padding-left:18px;font-size:.9rem}";

    /// <summary>A page with <paramref name="body"/> (already HTML) under a heading.</summary>
    public static ContentResult Render(int status, string title, string body) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                  $"<meta name=\"robots\" content=\"noindex\"><title>{Encode(title)} · Alerts</title><style>{Style}</style></head>" +
                  $"<body><main><h1>{Encode(title)}</h1>{body}</main></body></html>",
    };

    /// <summary>A page that only says something.</summary>
    public static ContentResult Message(int status, string title, string text) => Render(status, title, $"<p>{Encode(text)}</p>");

    /// <summary>
    /// The GET half of a subscriber link: asks <paramref name="question"/> with one button that posts back to
    /// <paramref name="action"/> (mail scanners follow GET links, so only the POST changes anything).
    /// </summary>
    public static ContentResult Confirm(string title, string question, string action, string label) =>
        Render(200, title, $"<p>{Encode(question)}</p>" + Button(action, label));

    /// <summary>The POST half: says what was done, announced to screen readers, then <paramref name="moreHtml"/>.</summary>
    public static ContentResult Done(string title, string text, string moreHtml = "") =>
        Render(200, title, $"<p class=\"done\" role=\"status\">{Encode(text)}</p>{moreHtml}");

    /// <summary>A link back to the subscriber's preferences page, with optional plain text after it.</summary>
    public static string PreferencesLink(Uri preferences, string after = "") =>
        $"<p><a href=\"{Encode(preferences.AbsoluteUri)}\">Your preferences</a>{(after.Length > 0 ? " " + Encode(after) : "")}</p>";

    /// <summary>A one-button form posting to <paramref name="action"/>.</summary>
    public static string Button(string action, string label, bool quiet = false) =>
        $"<form method=\"post\" action=\"{Encode(action)}\"><button type=\"submit\"{(quiet ? " class=\"quiet\"" : "")}>{Encode(label)}</button></form>";

    /// <summary>HTML-encodes text for element content and quoted attributes.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
