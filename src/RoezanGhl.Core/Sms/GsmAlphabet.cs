using System.Collections.Frozen;

namespace RoezanGhl.Core.Sms;

/// <summary>
/// The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1). Basic characters take one
/// septet; extension characters are sent as ESC + code and take two. Ç (0x09) counts as GSM, as the 3GPP
/// table has it; ç does not (Unicode's mapping file swaps them; counting ç as UCS-2 can only over-count).
/// </summary>
internal static class GsmAlphabet
{
    // Code order 0x00–0x7F; 0x1B (ESC) is not a character and is left out.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    /// <summary>Septets the character takes in GSM-7: 1 (basic), 2 (extension), or 0 when it has no GSM code.</summary>
    public static int SeptetsOf(char c) => BasicSet.Contains(c) ? 1 : ExtensionSet.Contains(c) ? 2 : 0;
}
