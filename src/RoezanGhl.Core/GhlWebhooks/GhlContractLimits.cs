namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Bounds of the GHL webhook contract, shared by the validator and (as <c>maxLength</c>/<c>maxItems</c>) by
/// ghl-webhook.schema.json; a test keeps the two in step. They are generous: a delivery GHL will not resend
/// must not be refused for a long but genuine value; they exist so that one body cannot fill a ledger row.
/// Lengths count Unicode code points, as JSON Schema does.
/// </summary>
public static class GhlContractLimits
{
    /// <summary>Nesting depth of the whole body (custom field values may nest).</summary>
    public const int MaxDepth = 32;

    /// <summary>Webhook, location, contact, note, task, appointment, calendar, user and message ids (GHL's are 20 characters).</summary>
    public const int IdLength = 128;

    /// <summary>The <c>type</c> value: counted by name for unrecognized types, so kept short.</summary>
    public const int TypeLength = 64;

    public const int NameLength = 256;

    public const int PhoneLength = 64;

    public const int EmailLength = 320;

    public const int TagLength = 256;

    public const int TagCount = 1000;

    public const int CustomFieldCount = 500;

    /// <summary>A custom field's value when it is a string.</summary>
    public const int CustomFieldValueLength = 10000;

    /// <summary>Do-not-disturb and appointment status words.</summary>
    public const int StatusLength = 64;

    public const int TitleLength = 1000;

    /// <summary>Note and task bodies and provider message texts.</summary>
    public const int TextLength = 65536;

    public const int AttachmentCount = 50;

    /// <summary>An attachment URL.</summary>
    public const int UrlLength = 2048;
}
