namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>
/// A run of some profiles merged into an earlier results.json: the new profiles replace the old ones of the same name,
/// the others are kept as they were, and the targets are checked again over all of them. The run's machine, time and
/// load average stay those of the earlier report (they describe most of its figures); a two-way result carries its own.
/// </summary>
public static class ReportMerge
{
    public static HarnessReport Into(HarnessReport earlier, HarnessReport run)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(run);
        var profiles = new Dictionary<string, ProfileResult>(earlier.Profiles, StringComparer.Ordinal);
        foreach (var (key, profile) in run.Profiles)
        {
            profiles[key] = profile;
        }

        return earlier with { Profiles = profiles, Targets = TargetEvaluation.Evaluate(profiles, earlier.Ingest) };
    }
}
