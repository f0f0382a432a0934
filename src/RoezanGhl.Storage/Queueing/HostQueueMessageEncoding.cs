using Azure.Storage.Queues;

namespace RoezanGhl.Storage.Queueing;

/// <summary>
/// The one place that fixes how our queue messages are encoded. The Functions host's queue trigger decodes
/// what <c>host.json</c> names in <c>extensions.queues.messageEncoding</c> (Base64 unless it says
/// <c>none</c>), whereas <see cref="QueueClient"/> writes plain text unless told otherwise: a mismatch sends
/// every message to the poison queue while tests that read with the same client still pass.
/// <see cref="Storage.StorageServiceCollectionExtensions.AddRoezanStorage"/> applies <see cref="Apply"/> to
/// the app's <see cref="QueueServiceClient"/>, so every queue client taken from it writes what the trigger reads.
/// </summary>
public static class HostQueueMessageEncoding
{
    /// <summary>The value host.json must carry in <c>extensions.queues.messageEncoding</c>.</summary>
    public const string HostJsonValue = "base64";

    public const QueueMessageEncoding Encoding = QueueMessageEncoding.Base64;

    public static QueueClientOptions Apply(QueueClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MessageEncoding = Encoding;
        return options;
    }

    public static QueueClientOptions CreateClientOptions() => Apply(new QueueClientOptions());

    /// <summary>The SDK encoding the host uses for a host.json <c>messageEncoding</c> value (absent means Base64).</summary>
    public static QueueMessageEncoding FromHostJson(string? messageEncoding) => messageEncoding?.Trim().ToUpperInvariant() switch
    {
        null or "" or "BASE64" => QueueMessageEncoding.Base64,
        "NONE" => QueueMessageEncoding.None,
        _ => throw new ArgumentException($"host.json extensions.queues.messageEncoding '{messageEncoding}' is neither base64 nor none.", nameof(messageEncoding)),
    };

    /// <summary>
    /// Decodes a message's raw text as the trigger does for <paramref name="hostMessageEncoding"/>: Base64 text
    /// to bytes (text that is not Base64 throws, where the host would give up on the message and poison it),
    /// or the text's UTF-8 bytes for <c>none</c>. For tests and operator tools reading queues by hand.
    /// </summary>
    public static BinaryData DecodeAsTrigger(string rawMessageText, string? hostMessageEncoding = HostJsonValue)
    {
        ArgumentNullException.ThrowIfNull(rawMessageText);
        return FromHostJson(hostMessageEncoding) == QueueMessageEncoding.Base64
            ? BinaryData.FromBytes(Convert.FromBase64String(rawMessageText))
            : BinaryData.FromString(rawMessageText);
    }
}
