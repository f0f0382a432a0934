using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RoezanGhl.Core.FollowUps;
using Xunit.Abstractions;

namespace RoezanGhl.Core.Tests.FollowUps;

/// <summary>
/// Runs the detector over the labelled corpus and measures it. A positive counts as found only when
/// the detector's due date equals the labelled one to the minute.
/// </summary>
public sealed class FollowUpCorpusTests
{
    private const double MinimumPrecision = 0.95;
    private const double MinimumRecall = 0.85;

    private readonly ITestOutputHelper _output;

    public FollowUpCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Corpus_has_at_least_80_messages_with_50_positives_and_30_negatives()
    {
        var corpus = FollowUpCorpus.Load();

        Assert.True(corpus.Messages.Count >= 80, $"{corpus.Messages.Count} messages");
        Assert.True(corpus.Messages.Count(m => m.Due is not null) >= 50, "at least 50 positives");
        Assert.True(corpus.Messages.Count(m => m.Due is null) >= 30, "at least 30 negatives");
        Assert.Equal(corpus.Messages.Count, corpus.Messages.Select(m => m.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Detector_reaches_the_precision_and_recall_floor_on_the_corpus()
    {
        var corpus = FollowUpCorpus.Load();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        var misses = new List<string>();
        foreach (var message in corpus.Messages)
        {
            var zone = DateTimeZoneProviders.Tzdb[message.Zone];
            var detector = new FollowUpDetector(new FollowUpDetectionOptions { DateOrder = message.DateOrder });
            var found = detector.Detect(message.Text, message.ReceivedAt, zone);
            var foundLocal = found is null ? null : LocalDateTimePattern.GeneralIso.Format(LocalDateTime.FromDateTime(found.DueDate.DateTime));
            var expected = message.Due is null ? null : message.Due + ":00";

            if (expected is null && foundLocal is null)
            {
                trueNegatives++;
            }
            else if (expected is not null && foundLocal == expected)
            {
                truePositives++;
            }
            else
            {
                // A wrong due date is both a false positive (a wrong task) and a false negative (the right one missing).
                if (foundLocal is not null)
                {
                    falsePositives++;
                }

                if (expected is not null)
                {
                    falseNegatives++;
                }

                misses.Add($"  \"{message.Text}\": expected {expected ?? "none"}, got {foundLocal ?? "none"} ({found?.TimePhrase})");
            }
        }

        var precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
        var report = string.Create(CultureInfo.InvariantCulture,
            $"follow-up corpus: {corpus.Messages.Count} messages, TP {truePositives}, FP {falsePositives}, FN {falseNegatives}, TN {trueNegatives}; precision {precision:F3}, recall {recall:F3}");
        _output.WriteLine(report);
        Console.WriteLine(report);
        foreach (var miss in misses)
        {
            _output.WriteLine(miss);
            Console.WriteLine(miss);
        }

        Assert.True(precision >= MinimumPrecision, $"precision {precision:F3} is below {MinimumPrecision}");
        Assert.True(recall >= MinimumRecall, $"recall {recall:F3} is below {MinimumRecall}");
    }
}
