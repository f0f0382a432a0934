namespace RoezanGhl.Fuzz;

/// <summary>Runs the fuzz target once on each file given (or each file in each folder given), outside AFL.</summary>
public static class Replay
{
    /// <returns>0 when every input ran without a finding, 1 when one failed, 2 when there was nothing to run.</returns>
    public static int Run(IEnumerable<string> paths, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        var files = paths.SelectMany<string, string>(path => Directory.Exists(path) ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal) : [path]).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                RoezanIntakeFuzzTarget.Run(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failed++;
                output.WriteLine($"FAILED {file}: {ex}");
            }
        }

        output.WriteLine($"replayed {files.Count} inputs, {failed} failed");
        return files.Count == 0 ? 2 : failed == 0 ? 0 : 1;
    }
}
