using System.Net.Sockets;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.TestSupport;

/// <summary>
/// Where the integration tests find Azurite. The test script starts it on 127.0.0.1 and exports
/// <c>ROEZANGHL_TEST_STORAGE</c>; without it the well-known development connection string is used.
/// A missing Azurite fails the test with a message that says how to start it, never a silent skip; in the unit
/// lane any use of it fails with a message that says the test belongs to the integration lane.
/// </summary>
public static class Azurite
{
    public const string DevelopmentConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" +
        "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static string ConnectionString
    {
        get
        {
            TestLanes.RequireIntegration("Azurite");
            return Environment.GetEnvironmentVariable("ROEZANGHL_TEST_STORAGE") is { Length: > 0 } value ? value : DevelopmentConnectionString;
        }
    }

    /// <summary>A name no other test run uses, for queues, tables and containers (lower-case, 3–63 chars).</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 63)].ToLowerInvariant();

    /// <summary>Throws a clear error when nothing listens on Azurite's queue port.</summary>
    public static void EnsureRunning()
    {
        var queueUri = new Uri(ReadEndpoint("QueueEndpoint") ?? "http://127.0.0.1:10001/devstoreaccount1");
        try
        {
            using var client = new TcpClient();
            client.Connect(queueUri.Host, queueUri.Port);
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"Azurite is not reachable at {queueUri.Host}:{queueUri.Port}. Run the tests with ./scripts/test.sh, " +
                "which starts it, or start it yourself: npx azurite --silent --inMemoryPersistence --disableTelemetry --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1", ex);
        }
    }

    private static string? ReadEndpoint(string key)
    {
        foreach (var part in ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..];
            }
        }

        return null;
    }
}
