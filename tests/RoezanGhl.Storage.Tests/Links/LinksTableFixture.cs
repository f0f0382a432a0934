using Azure.Data.Tables;
using Azure.Storage.Blobs;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Storage.Tests.Links;

/// <summary>A fresh links table in Azurite per test.</summary>
internal static class LinksTableFixture
{
    public static LinksTable Create()
    {
        Azurite.EnsureRunning();
        return new LinksTable(new TableClient(Azurite.ConnectionString, "links" + Guid.NewGuid().ToString("N")[..16]));
    }

    /// <summary>A state container of its own (the events queue name picks it).</summary>
    public static StateBlobs StateBlobs()
    {
        Azurite.EnsureRunning();
        var names = StorageNames.From(new SyncOptions { EventsQueue = "events" + Guid.NewGuid().ToString("N")[..16] }, null);
        return new StateBlobs(new BlobServiceClient(Azurite.ConnectionString), names);
    }
}
