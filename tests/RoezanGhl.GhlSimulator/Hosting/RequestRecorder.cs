using System.Text.Json;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Hosting;

/// <summary>
/// Appends every received request as one JSON line to the file named by <c>GHLSIM_RECORD</c>, for
/// contract checks that replay them against the spec. Several simulators in one process may share
/// the file, hence the process-wide lock.
/// </summary>
public sealed class RequestRecorder(string? path)
{
    public const string EnvironmentVariable = "GHLSIM_RECORD";

    private static readonly Lock FileGate = new();
    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web);

    public static RequestRecorder FromEnvironment() => new(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public bool Enabled => !string.IsNullOrWhiteSpace(path);

    public void Append(RecordedRequest request)
    {
        if (!Enabled)
        {
            return;
        }

        var line = JsonSerializer.Serialize(request, LineOptions) + "\n";
        lock (FileGate)
        {
            File.AppendAllText(path!, line);
        }
    }
}
