using PhoneNumbers;

namespace RoezanGhl.RoezanSimulator.State;

/// <summary>Reads a phone number as Roezan keys contacts: E.164, numbers without a country code read in the account's region.</summary>
internal static class PhoneNormalizer
{
    // Loading libphonenumber's metadata is expensive; the instance is thread-safe.
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static bool TryToE164(string? raw, string region, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        try
        {
            var number = Phones.Parse(raw, region);
            if (!Phones.IsValidNumber(number))
            {
                return false;
            }

            e164 = Phones.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
