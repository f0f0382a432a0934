using Azure.Storage.Queues.Models;

namespace RoezanGhl.TestSupport.Queues;

/// <summary>One delivery of a queue message to the function, as the host binds it: decoded text and dequeue count.</summary>
public sealed record QueueDelivery(string MessageId, string Body, long DequeueCount, DateTimeOffset? InsertedOn)
{
    /// <summary>The <see cref="QueueMessage"/> a queue-triggered function receives for this delivery.</summary>
    public QueueMessage ToQueueMessage() =>
        QueuesModelFactory.QueueMessage(MessageId, "pop", BinaryData.FromString(Body), DequeueCount, insertedOn: InsertedOn);
}
