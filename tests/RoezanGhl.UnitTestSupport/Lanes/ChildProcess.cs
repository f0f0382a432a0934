using System.Diagnostics;

namespace RoezanGhl.TestSupport.Lanes;

/// <summary>Starts a child process for a test (the built CLI, the Bicep CLI, a simulator's executable): integration lane only.</summary>
public static class ChildProcess
{
    public static Process Start(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        TestLanes.RequireIntegration($"A child process ({Path.GetFileName(startInfo.FileName)})");
        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
    }
}
