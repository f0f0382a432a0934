using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// Audit trails in Log Analytics: every vault sends its AuditEvent log, and the storage account's
/// blob, queue and table services send StorageRead, StorageWrite and StorageDelete, to a Log
/// Analytics workspace this template deploys.
/// </summary>
public static class DiagnosticRules
{
    private static readonly string[] VaultCategories = ["AuditEvent"];

    private static readonly string[] StorageCategories = ["StorageRead", "StorageWrite", "StorageDelete"];

    private static readonly string[] StorageServices = ["blob", "queue", "table"];

    public static IEnumerable<string> AuditAndStorageLogsGoToLogAnalytics(ArmTemplate template)
    {
        var view = new TemplateView(template);
        var workspaces = view.Deployed("Microsoft.OperationalInsights/workspaces").Select(view.Identity).ToHashSet(StringComparer.Ordinal);
        var settings = view.Deployed("Microsoft.Insights/diagnosticSettings")
            .Select(setting => (Target: view.Evaluator.Evaluate(setting.Json["scope"], setting.Scope).Render(), Setting: setting))
            .ToList();

        var targets = view.Deployed("Microsoft.KeyVault/vaults")
            .Select(vault => (Target: view.Identity(vault), Description: TemplateView.Describe(vault), Categories: VaultCategories))
            .Concat(view.Deployed("Microsoft.Storage/storageAccounts").SelectMany(account => StorageServices.Select(service => (
                Target: $"resourceId('Microsoft.Storage/storageAccounts/{service}Services', {view.Evaluator.NameSegments(account)[0].Render()}, 'default')",
                Description: $"{TemplateView.Describe(account)} ({service})",
                Categories: StorageCategories))));
        foreach (var (target, description, categories) in targets)
        {
            var sent = settings.Where(s => s.Target == target).Select(s => s.Setting)
                .Where(setting => workspaces.Contains(view.Value(setting, "properties", "workspaceId").Render()))
                .SelectMany(setting => view.Items(view.Value(setting, "properties", "logs")))
                .Where(log => view.Member(log, "enabled").AsBool() == true)
                .Select(log => view.Member(log, "category").AsString() ?? view.Member(log, "categoryGroup").AsString())
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var category in categories.Where(category => !sent.Contains(category) && !sent.Contains("allLogs")))
            {
                yield return $"{description}: {category} is not sent to a Log Analytics workspace of this deployment";
            }
        }
    }
}
