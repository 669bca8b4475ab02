using System.Globalization;
using System.Text;
using Alerts.Core.Feeds;
using Alerts.Infrastructure.Feeds.Parsing;
using Alerts.Infrastructure.Tests.Feeds.Conformance;

namespace Alerts.Infrastructure.Tests.Feeds;

/// <summary>
/// Runs the whole Universal Feed Parser conformance corpus (../shared/feed-conformance, read in place)
/// and holds the parser to every Expect clause about a field Alerts models.
/// </summary>
public sealed class FeedConformanceTests
{
    // Honest floor: the rate measured when this was written (see docs/feeds.md). Raise it, never lower it.
    private const double PassRateFloor = 0.9899;

    [Fact]
    public void Parse_ConformanceCorpus_MatchesEveryModelledExpectation()
    {
        // Arrange
        var root = SharedCorpus.Locate("feed-conformance");
        if (root is null)
        {
            Assert.Skip("../shared/feed-conformance is not present next to the repository");
        }

        var parser = new FeedParser();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var report = new ConformanceReport();

        // Act
        foreach (var file in files)
        {
            var testCase = ConformanceCase.Load(root, file);
            var result = parser.Parse(testCase.Bytes, new FeedDocumentContext(testCase.BaseUri, testCase.ContentType));
            report.Record(testCase, result);
        }

        // Assert
        var text = report.Render();
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "feed-conformance-report.txt"), text);
        Assert.True(files.Count > 2000, $"expected the whole corpus, found {files.Count} files");
        Assert.Empty(report.Defects);
        Assert.Empty(report.UnclearErrors);
        Assert.True(report.PassRate >= PassRateFloor,
            $"conformance pass rate {report.PassRate:P2} fell below the floor {PassRateFloor:P2}; failures are listed in the output");
    }

    private sealed class ConformanceReport
    {
        private readonly List<string> _failures = [];
        private readonly List<string> _outOfScope = [];
        private readonly List<string> _refusals = [];
        private readonly Dictionary<string, (int Concerned, int Passed)> _byFolder = new(StringComparer.Ordinal);
        private readonly Dictionary<ConformanceField, (int Clauses, int Passed)> _byField = [];
        private int _files;
        private int _refused;
        private int _outOfScopeClauses;

        public List<string> Defects { get; } = [];

        public List<string> UnclearErrors { get; } = [];

        public int Concerned { get; private set; }

        public int Passed { get; private set; }

        public double PassRate => Concerned == 0 ? 0 : (double)Passed / Concerned;

        public void Record(ConformanceCase testCase, FeedParseResult result)
        {
            _files++;
            if (result.Feed is null)
            {
                _refused++;
                _refusals.Add($"REFUSED {testCase.RelativePath}: {result.Error}");
                if (string.IsNullOrWhiteSpace(result.Error))
                {
                    UnclearErrors.Add(testCase.RelativePath);
                }
                else if (result.Error.Contains("could not be read (", StringComparison.Ordinal))
                {
                    Defects.Add($"{testCase.RelativePath}: {result.Error}");
                }
            }

            if (testCase.Expect is null)
            {
                return;
            }

            var clauses = ExpectEvaluator.Parse(testCase.Expect);
            _outOfScopeClauses += clauses.Count(c => c.Field is null);
            _outOfScope.AddRange(clauses.Where(c => c.Field is null).Select(c => $"{testCase.RelativePath}: {c.Text}"));
            var concerned = clauses.Where(c => c.Field is not null).ToList();
            if (concerned.Count == 0)
            {
                return;
            }

            var folder = Path.GetDirectoryName(testCase.RelativePath)?.Replace('\\', '/') ?? string.Empty;
            var casePassed = true;
            var details = new List<string>();
            foreach (var clause in concerned)
            {
                var (passed, detail) = ExpectEvaluator.Evaluate(clause, result);
                var field = _byField.GetValueOrDefault(clause.Field!.Value);
                _byField[clause.Field.Value] = (field.Clauses + 1, field.Passed + (passed ? 1 : 0));
                if (!passed)
                {
                    casePassed = false;
                    details.Add(detail);
                }
            }

            Concerned++;
            Passed += casePassed ? 1 : 0;
            var stats = _byFolder.GetValueOrDefault(folder);
            _byFolder[folder] = (stats.Concerned + 1, stats.Passed + (casePassed ? 1 : 0));
            if (!casePassed)
            {
                _failures.Add($"FAIL {testCase.RelativePath}: {string.Join("; ", details)}");
            }
        }

        public string Render()
        {
            var builder = new StringBuilder();
            var invariant = CultureInfo.InvariantCulture;
            builder.AppendLine(invariant, $"files: {_files}, refused as unreadable: {_refused}, out-of-scope clauses: {_outOfScopeClauses}");
            builder.AppendLine(invariant, $"concerned cases passed: {Passed}/{Concerned} = {PassRate:P2}");
            foreach (var (folder, stats) in _byFolder.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.AppendLine(invariant, $"  {folder}: {stats.Passed}/{stats.Concerned}");
            }

            foreach (var (field, stats) in _byField.OrderBy(p => p.Key))
            {
                builder.AppendLine(invariant, $"  field {field}: {stats.Passed}/{stats.Clauses} clauses");
            }

            foreach (var defect in Defects)
            {
                builder.AppendLine(invariant, $"DEFECT {defect}");
            }

            foreach (var refusal in _refusals)
            {
                builder.AppendLine(refusal);
            }

            foreach (var failure in _failures)
            {
                builder.AppendLine(failure);
            }

            foreach (var clause in _outOfScope)
            {
                builder.AppendLine(invariant, $"OUT-OF-SCOPE {clause}");
            }

            return builder.ToString();
        }
    }
}
