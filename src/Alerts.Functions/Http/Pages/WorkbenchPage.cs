using System.Text;
using System.Text.Json;
using Alerts.Core.Topics;

namespace Alerts.Functions.Http.Pages;

/// <summary>
/// The topic workbench: the topics with their alerts over the last 7 days of stored articles, and an editor that
/// checks the topic as it is typed (query errors with their position), previews it on the stored articles (alerts,
/// near misses with reasons, words to consider), records relevant / not relevant on any listed article, and saves.
/// Server-rendered HTML; one small script calls the same admin API as everything else (and passes the page's own
/// <c>?code=</c> key on, where there is one).
/// </summary>
internal static class WorkbenchPage
{
    // The API's own spelling; the default encoder escapes <, > and & for a script element.
    private static readonly JsonSerializerOptions StoredTopicJson = new(JsonSerializerDefaults.Web);

    public static string Render(IReadOnlyList<(WatchTopic Topic, int Alerts)> topics, WatchTopic? editing, IReadOnlyList<Core.Workbench.Judgment> judgments)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"hint\">Alerts of each topic over the stored articles of the last 7 days. Choose one to tune it, or write a new one.</p>");
        html.Append("<table><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Alerts, 7 days</th></tr></thead><tbody>");
        foreach (var (listed, alerts) in topics)
        {
            html.Append("<tr><td><a href=\"workbench?topic=").Append(Uri.EscapeDataString(listed.Id)).Append("\" data-keep-code>")
                .Append(HtmlPage.Encode(listed.Name)).Append("</a></td><td>").Append(alerts).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        var topic = editing ?? new WatchTopic("", "", "");
        html.Append("<h2>").Append(editing is null ? "New topic" : "Tune “" + HtmlPage.Encode(topic.Name) + "”").Append("</h2>");
        html.Append("<form id=\"editor\" novalidate>");
        Field(html, "id", "Id (lower-case letters, digits, dashes)", topic.Id, readOnly: editing is not null);
        Field(html, "name", "Name shown in alerts", topic.Name);
        html.Append("<label for=\"query\">Query</label><textarea id=\"query\" name=\"query\" rows=\"4\" aria-describedby=\"query-error\">")
            .Append(HtmlPage.Encode(topic.Query)).Append("</textarea><p id=\"query-error\" class=\"field-error\" role=\"alert\"></p>");
        // Word groups, one per line as "name = words": the query names them (@name), and they are edited here like the
        // query itself, checked by the same preview and save.
        html.Append("<label for=\"groups\">Word groups (one per line: name = words, used as @name)</label>")
            .Append("<textarea id=\"groups\" name=\"groups\" rows=\"3\" aria-describedby=\"groups-error\">")
            .AppendJoin("\n", (topic.Groups ?? new Dictionary<string, string>()).Select(g => HtmlPage.Encode(g.Key + " = " + OnOneLine(g.Value))))
            .Append("</textarea><p id=\"groups-error\" class=\"field-error\" role=\"alert\"></p>");

        // Semicolons part the places: a comma belongs to a name ("Georgia, United States", "Paris, Texas").
        Field(html, "places", "Places (separated by semicolons; empty for anywhere)", string.Join("; ", topic.Constraints?.Places ?? []));
        Field(html, "exclude-places", "Excluded places (separated by semicolons; empty for none)", string.Join("; ", topic.Constraints?.ExcludePlaces ?? []));
        Field(html, "threshold", "Threshold (0 to 1)", topic.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture), type: "number");
        html.Append("<p class=\"actions\"><button type=\"button\" id=\"preview\">Preview</button> <button type=\"button\" id=\"save\">Save</button></p>");
        html.Append("<p id=\"status\" role=\"status\"></p></form>");
        html.Append("<section id=\"results\" aria-live=\"polite\"></section>");
        if (editing is not null)
        {
            AppendMissed(html);
            AppendJudgments(html, judgments);
        }

        if (editing is not null)
        {
            // What the form does not show (description, who acts, strict) is kept when the topic is saved.
            html.Append("<script type=\"application/json\" id=\"stored-topic\">")
                .Append(JsonSerializer.Serialize(editing, StoredTopicJson)).Append("</script>");
        }

        html.Append("<script>").Append(Script).Append("</script>");
        return html.ToString();
    }

    // "I missed this": a stored article's link, or pasted text; the answer lists the changes that would catch it.
    private static void AppendMissed(StringBuilder html)
    {
        html.Append("<h2>I missed this</h2><form id=\"missed\" novalidate>")
            .Append("<p class=\"hint\">The link of an article the topic should have caught (one Alerts has stored), or its headline and text.</p>");
        Field(html, "missed-link", "Link", "");
        Field(html, "missed-title", "Or its headline", "");
        html.Append("<label for=\"missed-text\">and text</label><textarea id=\"missed-text\" rows=\"3\"></textarea>")
            .Append("<p class=\"actions\"><button type=\"button\" id=\"explain\">Explain</button></p></form>")
            .Append("<section id=\"explanation\" aria-live=\"polite\"></section>");
    }

    private static void AppendJudgments(StringBuilder html, IReadOnlyList<Core.Workbench.Judgment> judgments)
    {
        html.Append("<h2>Judgments</h2>");
        if (judgments.Count == 0)
        {
            html.Append("<p class=\"hint\">No one has marked an article of this topic yet.</p>");
            return;
        }

        html.Append("<ul class=\"items\">");
        foreach (var judgment in judgments)
        {
            html.Append("<li>").Append(judgment.Relevant ? "More like this: " : "Not relevant: ").Append("<strong>")
                .Append(HtmlPage.Encode(judgment.Title ?? judgment.ArticleKey)).Append("</strong> <span class=\"hint\">")
                .Append(HtmlPage.Encode(judgment.SubscriberId)).Append(", ")
                .Append(judgment.At.ToString("d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)).Append("</span></li>");
        }

        html.Append("</ul>");
    }

    // A group's text on one line of the box: line breaks mean nothing in the topic language.
    private static string OnOneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void Field(StringBuilder html, string name, string label, string value, string type = "text", bool readOnly = false) =>
        html.Append("<label for=\"").Append(name).Append("\">").Append(HtmlPage.Encode(label)).Append("</label><input type=\"").Append(type)
            .Append("\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"").Append(HtmlPage.Encode(value)).Append('"')
            .Append(type == "number" ? " step=\"0.05\" min=\"0\" max=\"1\"" : "").Append(readOnly ? " readonly" : "").Append('>');

    // Little script: build the topic from the form, ask the API, show what it says. Text is set with textContent.
    private const string Script = """
        (function () {
          const code = new URLSearchParams(location.search).get('code');
          const withCode = u => code ? u + (u.includes('?') ? '&' : '?') + 'code=' + encodeURIComponent(code) : u;
          document.querySelectorAll('a[data-keep-code]').forEach(a => a.href = withCode(a.getAttribute('href')));
          const $ = id => document.getElementById(id);
          const stored = $('stored-topic') ? JSON.parse($('stored-topic').textContent) : {};
          const places = id => $(id).value.split(';').map(s => s.trim()).filter(Boolean);
          // "forces = troops OR soldiers" per line (a leading @ is allowed). What cannot be sent is said by line: a line
          // without its "=", a name given twice, and a group the query still uses but no line gives (without any
          // group, the API would read "@forces" as plain text).
          function groups() {
            const parsed = Object.create(null), seen = new Map(), problems = [];
            $('groups').value.split('\n').forEach((line, i) => {
              if (!line.trim()) return;
              const at = line.indexOf('=');
              const name = at < 0 ? '' : line.slice(0, at).trim().replace(/^@/, '');
              const words = at < 0 ? '' : line.slice(at + 1).trim();
              if (!name || !words) { problems.push('Line ' + (i + 1) + ': write a group as its name, "=" and its words, as in: forces = troops OR soldiers.'); return; }
              const key = name.toLowerCase();
              if (seen.has(key)) { problems.push('Line ' + (i + 1) + ': @' + name + ' is already on line ' + seen.get(key) + '.'); return; }
              seen.set(key, i + 1);
              parsed[name] = words;
            });
            for (const name of Object.keys(stored.groups || {})) {
              const used = new RegExp('(^|[^\\w@])@' + name.replace(/[-]/g, '\\-') + '(?![\\w-])', 'i').test($('query').value);
              if (used && !seen.has(name.toLowerCase())) problems.push('The query still uses @' + name + ': give it a line here, or take it out of the query.');
            }
            return { parsed, problems };
          }
          const topic = () => {
            const parsed = groups().parsed;
            return {
              ...stored,
              id: $('id').value.trim(), name: $('name').value.trim(), query: $('query').value,
              groups: Object.keys(parsed).length ? parsed : null,
              threshold: Number($('threshold').value || 0.5),
              constraints: { ...(stored.constraints || {}), places: places('places'), excludePlaces: places('exclude-places') }
            };
          };
          // Whether the groups can be sent; if not, says what to fix (and clears what an earlier answer said).
          function groupsReadable() {
            const found = groups().problems;
            $('groups-error').textContent = found.join(' ');
            if (found.length) { $('status').textContent = ''; $('query-error').textContent = ''; }
            return !found.length;
          }
          const el = (tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; };
          function problems(body) {
            const errors = (body && body.errors) || {};
            $('query-error').textContent = (errors.query || []).join(' ');
            const ofGroups = ([k]) => k === 'groups' || k.startsWith('groups.');
            $('groups-error').textContent = Object.entries(errors).filter(ofGroups).map(([k, v]) => (k === 'groups' ? '' : '@' + k.slice(7) + ': ') + v.join(' ')).join(' ');
            const others = Object.entries(errors).filter(e => e[0] !== 'query' && !ofGroups(e)).map(([k, v]) => k + ': ' + v.join(' '));
            $('status').textContent = others.join(' ');
          }
          // Only the latest preview is shown (an earlier one answering late must not replace it), and what was marked
          // stays marked when the list is drawn again.
          let latest = 0, timer;
          const marks = new Map();
          async function preview() {
            clearTimeout(timer);
            const mine = ++latest;
            if (!groupsReadable()) { $('results').replaceChildren(); return; }
            const r = await fetch(withCode('topics/preview?days=7'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(topic()) }).catch(() => null);
            if (mine !== latest) return;
            if (!r) { $('status').textContent = 'The preview did not answer; try again.'; return; }
            const body = await r.json().catch(() => null);
            const results = $('results');
            if (!r.ok) { problems(body); results.replaceChildren(); return; }
            problems(null);
            const parts = [el('h2', body.alerts.length + body.moreAlerts + ' would alert, ' + (body.nearMisses.length + body.moreNearMisses) + ' near misses, of ' + body.scanned + ' articles')];
            for (const [title, items] of [['Would alert', body.alerts], ['Near misses', body.nearMisses]]) {
              parts.push(el('h3', title));
              const list = el('ul', null, 'items');
              for (const item of items) {
                const li = el('li');
                li.dataset.key = item.key;
                li.append(el('strong', item.title), el('span', ' ' + item.source + ' · ' + item.score.toFixed(2), 'hint'), el('div', marks.get(item.key) || item.why, 'why'));
                for (const [label, relevant] of [['Relevant', true], ['Not relevant', false]]) {
                  const b = el('button', label, relevant ? '' : 'quiet'); b.type = 'button';
                  b.setAttribute('aria-label', label + ': ' + item.title);
                  b.onclick = async () => {
                    const id = topic().id || 'preview';
                    const m = await fetch(withCode('topics/' + encodeURIComponent(id) + '/judgments'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articleKey: item.key, title: item.title, relevant }) }).catch(() => null);
                    const said = m && m.ok ? 'Marked ' + label.toLowerCase() + '.' : 'Could not record that.';
                    if (m && m.ok) marks.set(item.key, said);
                    // The list may have been drawn again meanwhile: mark the article wherever it is listed now.
                    for (const row of $('results').querySelectorAll('li')) if (row.dataset.key === item.key) row.querySelector('.why').textContent = said;
                  };
                  li.append(' ', b);
                }
                list.append(li);
              }
              if (!items.length) list.append(el('li', 'none'));
              parts.push(list);
            }
            if (body.wordsFound.length) {
              const found = el('ul', null, 'words-found');
              for (const word of body.wordsFound) found.append(el('li', word.word + ': ' + word.forms.map(f => f.text + ' (' + f.articles + ')').join(', ')));
              parts.push(el('p', body.wordsFoundHeading), found);
            }
            if (body.suggestions.length) parts.push(el('p', 'Words the hits and near misses share that the query lacks: ' + body.suggestions.map(s => s.term + ' (' + s.articles + ')').join(', ')));
            if (body.names) parts.push(el('p', body.names));
            if (body.places) parts.push(el('p', body.places));
            if (body.categories) parts.push(el('p', body.categories));
            results.replaceChildren(...parts);
          }
          for (const typed of ['query', 'groups']) $(typed).addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(preview, 400); });
          $('preview').onclick = preview;
          const explain = $('explain');
          if (explain) explain.onclick = async () => {
            const link = $('missed-link').value.trim(), title = $('missed-title').value.trim();
            const body = title ? { title, summary: $('missed-text').value } : { link };
            const r = await fetch(withCode('topics/' + encodeURIComponent(topic().id) + '/missed'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
            const answer = await r.json().catch(() => null);
            const out = $('explanation');
            if (!r.ok) { out.replaceChildren(el('p', Object.values((answer && answer.errors) || {}).flat().join(' ') || 'Could not explain that.', 'field-error')); return; }
            const parts = [el('p', answer.alerted ? 'It does alert.' : 'Why it did not alert: ' + answer.reasons.join('; '))];
            const list = el('ul', null, 'items');
            for (const change of answer.changes) {
              const li = el('li');
              li.append(el('strong', change.change), el('span', ' ' + change.alerts + ' alerts on the stored articles, ' + change.newAlerts + ' new', 'hint'));
              const use = el('button', 'Use this change'); use.type = 'button';
              use.setAttribute('aria-label', 'Use this change: ' + change.change);
              use.onclick = () => {
                // The change is made to the stored topic: its query and word groups come as one (a word added to a group).
                $('query').value = change.topic.query; $('threshold').value = change.topic.threshold;
                $('groups').value = Object.entries(change.topic.groups || {}).map(([name, words]) => name + ' = ' + words.split(/\s*[\r\n]+\s*/).join(' ')).join('\n');
                $('places').value = ((change.topic.constraints || {}).places || []).join('; ');
                $('exclude-places').value = ((change.topic.constraints || {}).excludePlaces || []).join('; ');
                preview();
              };
              li.append(' ', use);
              list.append(li);
            }
            if (!answer.alerted && !answer.changes.length) list.append(el('li', 'No single change catches it.'));
            parts.push(list);
            out.replaceChildren(...parts);
          };
          $('save').onclick = async () => {
            const t = topic();
            if (!t.id) { $('status').textContent = 'id: give the topic an id before saving.'; return; }
            if (!groupsReadable()) return;
            // A preview still waiting or answering must not clear what the save says.
            clearTimeout(timer);
            latest++;
            const r = await fetch(withCode('topics/' + encodeURIComponent(t.id)), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(t) });
            if (r.ok) { problems(null); $('status').textContent = 'Saved: new articles are scored against it from now on.'; }
            else problems(await r.json().catch(() => null));
          };
        })();
        """;
}
