namespace RoezanGhl.Core.Sms;

/// <summary>
/// What a text costs as SMS: its encoding, its length in that encoding's units (septets for GSM-7, UTF-16
/// code units for UCS-2) and the number of parts (segments) it is sent in.
/// </summary>
/// <param name="Encoding">GSM-7, or UCS-2 when any character has no GSM code.</param>
/// <param name="Units">Septets (extension characters count 2) or UTF-16 code units (an emoji counts 2).</param>
/// <param name="Segments">Parts sent; 0 for an empty text.</param>
public sealed record SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments)
{
    public override string ToString() => $"{Segments} segment{(Segments == 1 ? string.Empty : "s")} ({Encoding}, {Units} {(Encoding == SmsEncoding.Gsm7 ? "septets" : "UCS-2 units")})";
}
