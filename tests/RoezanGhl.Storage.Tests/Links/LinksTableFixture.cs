using Azure.Data.Tables;
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
}
