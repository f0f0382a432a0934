using CsCheck;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Properties;

/// <summary>Phone normalization on generated numbers and regions.</summary>
public class PhoneProperties
{
    [Fact]
    public void A_normalized_phone_is_always_e164_and_normalizing_it_again_changes_nothing()
    {
        Gen.Select(RoezanGens.Phone, RoezanGens.Region).Sample((raw, region) =>
        {
            if (!RoezanEventNormalizer.TryNormalizePhone(raw, region, out var e164) || e164 is null)
            {
                return;
            }

            IntakeProperties.AssertE164OrNull(e164);
            Assert.True(RoezanEventNormalizer.TryNormalizePhone(e164, "GB", out var again));
            Assert.Equal(e164, again);
        }, iter: PropertyIterations.Count);
    }
}
