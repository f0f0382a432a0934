using CsCheck;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Tests.Properties;

/// <summary>
/// The reverse field mapping on generated mappings and contacts: mapped forward again, what GHL → Roezan writes gives
/// GHL's values back on every field some Roezan field feeds, whatever else the Roezan contact holds, so Roezan's webhook
/// about our write is what we recorded (an echo) and nothing bounces.
/// </summary>
public class ReverseMappingProperties
{
    private static readonly string[] RoezanFields = ["firstName", "lastName", "name", "email", "companyName", "city"];
    private static readonly string[] Targets = ["firstName", "lastName", "email", "companyName", "name", "none", "(same)"];
    private static readonly string[] GhlFields = ["firstName", "lastName", "email"];

    private static readonly Gen<AccountMapping> Mapping =
        Gen.Select(
            Gen.OneOf(Targets).Array[RoezanFields.Length],
            Gen.OneOf<string?>(null, "", "roezan:", "R-"),
            Gen.Bool,
            (targets, prefix, tagsMapped) =>
            {
                var mapping = new AccountMapping { TagPrefix = prefix };
                for (var i = 0; i < RoezanFields.Length; i++)
                {
                    if (targets[i] != "(same)")
                    {
                        mapping.StandardFields[RoezanFields[i]] = targets[i];
                    }
                }

                if (!tagsMapped)
                {
                    mapping.StandardFields["tags"] = AccountMapping.NotMapped;
                }

                return mapping;
            });

    private static readonly Gen<string?> Name = Gen.OneOf(Gen.OneOf<string?>(null, " "), Gen.Char['a', 'z'].Array[1, 8].Select(c => (string?)new string(c)));

    private static readonly Gen<string?> Email = Gen.OneOf(Gen.OneOf<string?>(null, ""), Gen.Char['a', 'z'].Array[1, 6].Select(c => (string?)(new string(c) + "@example.com")));

    private static readonly Gen<string> Tag = Gen.Select(Gen.OneOf("", "roezan:", "R-"), Gen.OneOf("vip", "lead", "hot", "gold")).Select((prefix, word) => prefix + word);

    private static readonly Gen<ContactFields> Ghl = Gen.Select(Name, Name, Email, Tag.Array[0, 5], (first, last, email, tags) =>
        new ContactFields { FirstName = first, LastName = last, Email = email, Phone = "+12015550100", Tags = tags });

    private static readonly Gen<RoezanContactValues> RoezanBefore = Gen.Select(Name, Name, Email, (first, last, email) =>
        new RoezanContactValues { FirstName = first, LastName = last, Email = email, Phone = "+12015550100" });

    [Fact]
    public void Forward_of_reverse_gives_ghls_values_back_on_every_field_a_roezan_field_feeds_and_nothing_on_the_others()
    {
        Gen.Select(Mapping, Ghl, RoezanBefore).Sample((mapping, ghl, before) =>
        {
            var written = ContactFieldReverseMapper.ToRoezan(ghl, mapping, optOutTag: null);
            // What Roezan holds after the upsert: the fields written over what it held (a null never blanks one).
            var after = new RoezanContactValues
            {
                FirstName = written.FirstName ?? before.FirstName,
                LastName = written.LastName ?? before.LastName,
                Email = written.Email ?? before.Email,
                Phone = written.Phone,
                Tags = written.Tags,
            };

            var fromWrite = ContactFieldReverseMapper.ToGhl(written, mapping);
            var fromRoezan = ContactFieldReverseMapper.ToGhl(after, mapping);
            foreach (var field in GhlFields)
            {
                var sent = Clean(ValueOf(ghl, field));
                if (ContactFieldReverseMapper.RoezanFieldFor(mapping, field) is null)
                {
                    Assert.Null(ValueOf(fromWrite, field));
                }
                else
                {
                    Assert.Equal(sent, ValueOf(fromWrite, field));
                    if (sent is not null)
                    {
                        Assert.Equal(sent, ValueOf(fromRoezan, field));
                    }
                }
            }

            var prefix = string.IsNullOrWhiteSpace(mapping.TagPrefix) ? string.Empty : mapping.TagPrefix;
            var expectedTags = !ContactFieldReverseMapper.TagsGoBack(mapping) ? [] : ghl.Tags.Where(tag => tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(tag => prefix + tag[prefix.Length..]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            Assert.Equal(expectedTags, fromWrite.Tags, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(ghl.Phone, fromWrite.Phone);
        }, iter: PropertyIterations.Count);
    }

    private static string? ValueOf(ContactFields fields, string field) => field switch
    {
        "firstName" => fields.FirstName,
        "lastName" => fields.LastName,
        _ => fields.Email,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
