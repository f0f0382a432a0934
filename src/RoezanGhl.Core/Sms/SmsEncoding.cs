namespace RoezanGhl.Core.Sms;

/// <summary>How an SMS is carried: 7-bit GSM (3GPP TS 23.038) when every character has a GSM code, UCS-2 otherwise.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 7-bit default alphabet and its extension table: 160 septets alone, 153 per part.</summary>
    Gsm7,

    /// <summary>UTF-16 code units: 70 alone, 67 per part. One character outside GSM-7 puts the whole text here.</summary>
    Ucs2,
}
