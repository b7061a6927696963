using System.Net;
using System.Text.Json;
using Loopwise.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Health;

public abstract class OperationsTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_credentials(string path)
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_every_api_route()
    {
        using var client = App.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var documented = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{\*{0,2}([^}:?]+)[^}]*\}", "{$1}"))
            .Select(r => r.Length > 1 ? r.TrimEnd('/') : r)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(documented));
    }
}

[Collection(Collections.Sqlite)]
public sealed class OperationsTests_Sqlite(SqliteAppFixture fixture) : OperationsTests(fixture);

[Collection(Collections.Postgres)]
public sealed class OperationsTests_Postgres(PostgresAppFixture fixture) : OperationsTests(fixture);
