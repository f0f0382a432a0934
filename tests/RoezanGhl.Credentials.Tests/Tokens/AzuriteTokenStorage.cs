using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>A fresh lease container and status table in Azurite for one test; each call makes separate clients, as separate hosts would.</summary>
internal sealed class AzuriteTokenStorage
{
    public AzuriteTokenStorage()
    {
        Azurite.EnsureRunning();
    }

    public string Container { get; } = Azurite.UniqueName("leases");

    public string StatusTable { get; } = "status" + Azurite.UniqueName("t").Replace("-", string.Empty, StringComparison.Ordinal);

    public static GhlOAuthOptions LeaseOptions(TimeSpan? waitTimeout = null) => new()
    {
        LeaseDuration = TimeSpan.FromSeconds(15),
        LeaseWaitTimeout = waitTimeout ?? TimeSpan.FromSeconds(30),
        LeasePollInterval = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>The lock waits on the real clock: Azurite's leases run on it.</summary>
    public BlobTokenRefreshLock NewLock(FakeLogCollector logs, TimeSpan? waitTimeout = null) =>
        new(new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(Container), LeaseOptions(waitTimeout), TimeProvider.System, new FakeLogger<BlobTokenRefreshLock>(logs));

    public TableLocationStatusStore NewStatusStore(FakeTimeProvider time) =>
        new(new TableServiceClient(Azurite.ConnectionString).GetTableClient(StatusTable), time);
}
