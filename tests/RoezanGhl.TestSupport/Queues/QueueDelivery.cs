namespace RoezanGhl.TestSupport.Queues;

/// <summary>One delivery of a queue message to the function, as the host binds it: decoded text and dequeue count.</summary>
public sealed record QueueDelivery(string MessageId, string Body, long DequeueCount, DateTimeOffset? InsertedOn);
