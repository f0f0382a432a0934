using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// Retention on the storage account: deleted blobs and containers stay recoverable for a number of
/// days the deployer chooses (soft delete), and claim-check payloads (<c>{Sync__EventsQueue}-payloads</c>)
/// that the app left behind are deleted by a lifecycle rule after a number of days the deployer chooses.
/// </summary>
public static class RetentionRules
{
    private static readonly string[] SoftDeletePolicies = ["deleteRetentionPolicy", "containerDeleteRetentionPolicy"];

    private static readonly string[] DeleteConditions = ["daysAfterModificationGreaterThan", "daysAfterCreationGreaterThan"];

    public static IEnumerable<string> BlobAndContainerSoftDeleteAreOn(ArmTemplate template)
    {
        var view = new TemplateView(template);
        foreach (var account in view.Deployed("Microsoft.Storage/storageAccounts"))
        {
            var blobService = ChildrenOf(view, account, "blobServices").FirstOrDefault();
            foreach (var policy in SoftDeletePolicies)
            {
                if (blobService is null || view.Value(blobService, "properties", policy, "enabled").AsBool() != true)
                {
                    yield return $"{TemplateView.Describe(account)}: {policy} is not enabled";
                }
                else if (NotAnIntParameter(template, blobService.Scope, blobService.Properties?[policy]?["days"]) is { } problem)
                {
                    yield return $"{TemplateView.Describe(account)}: {policy}.days {problem}";
                }
            }
        }
    }

    public static IEnumerable<string> LeftoverClaimCheckPayloadsAreDeleted(ArmTemplate template)
    {
        var view = new TemplateView(template);
        if (view.Setting("Sync__EventsQueue")?.AsString() is not { } queue)
        {
            yield return "Sync__EventsQueue is not a literal the template sets, so the claim-check container is unknown";
            yield break;
        }

        var prefix = $"{queue}-payloads/";
        foreach (var account in view.Deployed("Microsoft.Storage/storageAccounts"))
        {
            var deletions = ChildrenOf(view, account, "managementPolicies")
                .SelectMany(policy => view.Items(view.Value(policy, "properties", "policy", "rules")))
                .Where(rule => view.Member(rule, "enabled").AsBool() != false
                    && view.Items(view.Member(rule, "definition", "filters", "prefixMatch")).Any(p => p.AsString() == prefix)
                    && view.Items(view.Member(rule, "definition", "filters", "blobTypes")).Any(t => t.AsString() == "blockBlob"))
                .Select(rule => (Rule: rule, After: DeleteAfter(view, rule)))
                .Where(deletion => deletion.After is not null)
                .ToList();
            if (deletions.Count == 0)
            {
                yield return $"{TemplateView.Describe(account)}: no enabled lifecycle rule deletes block blobs under {prefix}";
            }

            foreach (var (rule, after) in deletions)
            {
                if (NotAnIntParameter(template, rule.Scope!, after) is { } problem)
                {
                    yield return $"{TemplateView.Describe(account)}: the lifecycle rule deletes {prefix} after a number of days that {problem}";
                }
            }
        }
    }

    // Child resources of an account (blobServices, managementPolicies) that are deployed with it.
    private static IEnumerable<ArmResource> ChildrenOf(TemplateView view, ArmResource account, string child)
    {
        var name = view.Evaluator.NameSegments(account)[0].Render();
        return view.Deployed($"{account.Type}/{child}").Where(resource => view.Evaluator.NameSegments(resource)[0].Render() == name);
    }

    // The template's (unevaluated) day count of the rule's delete action on base blobs.
    private static JsonNode? DeleteAfter(TemplateView view, ArmValue rule) =>
        view.Member(rule, "definition", "actions", "baseBlob", "delete").Json is JsonObject delete
            ? DeleteConditions.Select(condition => delete[condition]).FirstOrDefault(days => days is not null)
            : null;

    private static string? NotAnIntParameter(ArmTemplate template, ArmScope scope, JsonNode? value) =>
        scope.RootParameterOf(value) switch
        {
            null => $"is '{value?.ToJsonString()}', not a template parameter",
            var parameter when (string?)template.RootScope.Parameters[parameter]?["type"] != "int" => $"comes from '{parameter}', which is not an int parameter",
            _ => null,
        };
}
