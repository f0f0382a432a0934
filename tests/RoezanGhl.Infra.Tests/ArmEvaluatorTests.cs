using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests;

/// <summary>The evaluator the private networking and least-privilege rules stand on, on small hand-written templates.</summary>
public sealed class ArmEvaluatorTests
{
    // A main template with one module: the module names its vault from a parameter, is deployed only
    // when 'private' is true, and outputs the vault's id; the main template passes a conditional value.
    private static readonly ArmTemplate Template = ArmTemplate.Parse("""
        {
          "parameters": {
            "env": { "type": "string" },
            "private": { "type": "bool", "defaultValue": false },
            "days": { "type": "int", "defaultValue": 7 }
          },
          "variables": { "token": "[toLower(uniqueString(subscription().id, parameters('env')))]", "ids": { "User": "4633" } },
          "resources": {
            "vault": {
              "type": "Microsoft.Resources/deployments",
              "condition": "[parameters('private')]",
              "properties": {
                "parameters": {
                  "name": { "value": "[format('kv-{0}', variables('token'))]" },
                  "subnet": "[if(parameters('private'), createObject('value', 'snet-app'), createObject('value', null()))]"
                },
                "template": {
                  "parameters": { "name": { "type": "string" }, "subnet": { "type": "string", "nullable": true }, "zone": { "type": "string", "defaultValue": "[format('privatelink{0}', replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.'))]" } },
                  "resources": {
                    "kv": { "type": "Microsoft.KeyVault/vaults", "name": "[parameters('name')]", "properties": { "publicNetworkAccess": "[if(not(empty(parameters('subnet'))), 'Disabled', 'Enabled')]" } },
                    "kv::audit": { "type": "Microsoft.KeyVault/vaults/secrets", "name": "[format('{0}/{1}', parameters('name'), 'audit')]" }
                  },
                  "outputs": { "id": { "type": "string", "value": "[resourceId('Microsoft.KeyVault/vaults', parameters('name'))]" }, "uri": { "type": "string", "value": "[reference('kv').vaultUri]" } }
                }
              }
            }
          },
          "outputs": {
            "vaultId": { "type": "string", "value": "[reference('vault').outputs.id.value]" },
            "vaultUri": { "type": "string", "value": "[reference('vault').outputs.uri.value]" },
            "role": { "type": "string", "value": "[variables('ids')['User']]" },
            "literal": { "type": "string", "value": "[[not an expression]" }
          }
        }
        """);

    private static readonly ArmResource Vault = Template.Resources.Single(r => r.Type == "Microsoft.KeyVault/vaults");

    [Fact]
    public void Main_parameters_take_the_given_value_else_their_default_else_stay_a_symbol()
    {
        var given = new ArmEvaluator(new Dictionary<string, JsonNode?> { ["days"] = 30 });

        Assert.Equal(30, given.Evaluate("[parameters('days')]", Template.RootScope).AsInteger());
        Assert.Equal(7, new ArmEvaluator().Evaluate("[parameters('days')]", Template.RootScope).AsInteger());
        Assert.Equal("parameters('env')", new ArmEvaluator().Evaluate("[parameters('env')]", Template.RootScope).Symbol);
    }

    [Fact]
    public void A_module_output_read_in_the_main_template_is_the_id_of_the_resource_the_module_deploys()
    {
        var evaluator = new ArmEvaluator();

        var id = evaluator.Evaluate(Template.Root["outputs"]!["vaultId"]!["value"], Template.RootScope);
        var uri = evaluator.Evaluate(Template.Root["outputs"]!["vaultUri"]!["value"], Template.RootScope);

        Assert.Equal("resourceId('Microsoft.KeyVault/vaults', format('kv-{0}', toLower(uniqueString(subscription().id, parameters('env')))))", id.Symbol);
        Assert.Equal(evaluator.Identity(Vault), id.Symbol);
        Assert.Equal($"reference({evaluator.Identity(Vault)}).vaultUri", uri.Symbol);
    }

    [Fact]
    public void Conditions_and_conditional_module_parameters_follow_the_given_parameter()
    {
        var on = new ArmEvaluator(new Dictionary<string, JsonNode?> { ["private"] = true });
        var off = new ArmEvaluator();
        var access = Vault.Properties!["publicNetworkAccess"];

        Assert.Equal("Disabled", on.Evaluate(access, Vault.Scope).AsString());
        Assert.Equal("Enabled", off.Evaluate(access, Vault.Scope).AsString());
        Assert.True(on.IsDeployed(Vault));
        Assert.False(off.IsDeployed(Vault));
    }

    [Fact]
    public void Functions_with_known_arguments_are_computed_and_indexing_reads_variables()
    {
        var evaluator = new ArmEvaluator();

        Assert.Equal("privatelink.vaultcore.azure.net", evaluator.Evaluate("[parameters('zone')]", Vault.Scope).AsString());
        Assert.Equal("4633", evaluator.Evaluate(Template.Root["outputs"]!["role"]!["value"], Template.RootScope).AsString());
        Assert.Equal("[not an expression]", evaluator.Evaluate(Template.Root["outputs"]!["literal"]!["value"], Template.RootScope).AsString());
    }

    [Fact]
    public void A_child_resource_name_splits_into_its_parent_and_its_own_name()
    {
        var evaluator = new ArmEvaluator();
        var secret = Template.Resources.Single(r => r.Type == "Microsoft.KeyVault/vaults/secrets");

        var segments = evaluator.NameSegments(secret).Select(s => s.Render()).ToList();

        Assert.Equal([evaluator.NameSegments(Vault).Single().Render(), "'audit'"], segments);
        Assert.Equal("vault", Vault.Scope.Deployment?.Symbol);
    }
}
