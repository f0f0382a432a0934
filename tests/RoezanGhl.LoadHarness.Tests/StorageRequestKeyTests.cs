using RoezanGhl.LoadHarness.Measurement;

namespace RoezanGhl.LoadHarness.Tests;

public sealed class StorageRequestKeyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tt0123456789aLinks(PartitionKey='loc-1',RowKey='gc%7Cabc')", "Links gc| row")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tt0123456789aLinks(PartitionKey='loc-1',RowKey='lease%7Ccontact:abc')", "Links lease| row")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tt0123456789aEvents(PartitionKey='acct-1',RowKey='evt_1')", "Events row")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tt0123456789aLinks()?$filter=PartitionKey%20eq%20'loc-1'", "Links query")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tt0123456789aEvents", "Events")]
    [InlineData("http://127.0.0.1:10001/devstoreaccount1/events0123456789abcdef/messages/m-1?popreceipt=x", "queue events messages/id")]
    [InlineData("http://127.0.0.1:10001/devstoreaccount1/events0123456789abcdef/messages", "queue events messages")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/events0123456789abcdef-state/folder/bodies", "blob events-state")]
    public void A_storage_request_is_named_by_what_it_touched_without_the_run_unique_part_of_its_names(string url, string expected)
    {
        Assert.Equal(expected, StorageRequestKey.Target(new Uri(url)));
    }
}
