using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Loopwise.Hosting;
using Loopwise.Tests.Features.Responses;
using Loopwise.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Loopwise.Tests.Features.Health;

public abstract class MetricsInstrumentsTests(LoopwiseAppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Stored_responses_are_counted_by_channel_and_a_retried_batch_is_not_counted_twice()
    {
        var ws = await App.CreateWorkspaceAsync();
        var survey = await ResponsesTestSurvey.CreateAsync(App, ws);
        var thisApp = App.Services.GetRequiredService<IMeterFactory>();
        long counted = 0;
        string? channel = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LoopwiseMetrics.MeterName && instrument.Meter.Scope == thisApp && instrument.Name == "loopwise.responses.stored")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Interlocked.Add(ref counted, value);
            channel = tags.ToArray().Single(t => t.Key == "channel").Value as string;
        });
        listener.Start();
        var body = ResponsesApiTests.Batch(Enumerable.Range(0, 4).Select(i => ResponsesApiTests.Item(nps: i)));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{survey.Id}/responses/batch") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "metrics-1");
            (await ws.Api.SendAsync(request)).EnsureSuccessStatusCode();
        }

        Assert.Equal(4, Interlocked.Read(ref counted));
        Assert.Equal("Api", channel);
    }
}

[Collection(Collections.Sqlite)]
public sealed class MetricsInstrumentsTests_Sqlite(SqliteAppFixture fixture) : MetricsInstrumentsTests(fixture);

[Collection(Collections.Postgres)]
public sealed class MetricsInstrumentsTests_Postgres(PostgresAppFixture fixture) : MetricsInstrumentsTests(fixture);
