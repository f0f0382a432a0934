namespace RoezanGhl.Core.Events;

/// <summary>
/// The bounds of the webhook contract, shared by the validator and (as <c>maxLength</c>/<c>maxItems</c>)
/// by roezan-event.schema.json; a test keeps the two in step. Lengths count Unicode code points, as JSON
/// Schema does, so an emoji is one character.
/// </summary>
public static class RoezanContractLimits
{
    /// <summary>Event, account, contact, message, task and note ids.</summary>
    public const int IdLength = 128;

    /// <summary>First, last and sender names.</summary>
    public const int NameLength = 256;

    /// <summary>A phone number as Roezan writes it, before normalization.</summary>
    public const int PhoneLength = 64;

    /// <summary>An email address as Roezan writes it (it may carry spaces that normalization trims).</summary>
    public const int EmailLength = 320;

    public const int TagLength = 100;

    public const int TagCount = 100;

    public const int CustomFieldCount = 100;

    public const int CustomFieldNameLength = 128;

    public const int CustomFieldValueLength = 4000;

    public const int TitleLength = 512;

    /// <summary>Message, note and task bodies and the optional contact note.</summary>
    public const int TextLength = 20000;

    /// <summary>The delivery error of a <c>message.status</c> (its <c>errorMessage</c>).</summary>
    public const int ErrorMessageLength = 1000;
}
