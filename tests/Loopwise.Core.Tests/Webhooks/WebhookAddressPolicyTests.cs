using System.Net;
using Loopwise.Core.Webhooks;

namespace Loopwise.Core.Tests.Webhooks;

public class WebhookAddressPolicyTests
{
    [Theory]
    [InlineData("93.184.215.14", WebhookAddressClass.Public)]
    [InlineData("172.32.0.1", WebhookAddressClass.Public)]
    [InlineData("100.128.0.1", WebhookAddressClass.Public)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", WebhookAddressClass.Public)]
    [InlineData("127.0.0.1", WebhookAddressClass.Loopback)]
    [InlineData("127.200.3.4", WebhookAddressClass.Loopback)]
    [InlineData("::1", WebhookAddressClass.Loopback)]
    [InlineData("::ffff:127.0.0.1", WebhookAddressClass.Loopback)]
    [InlineData("10.1.2.3", WebhookAddressClass.Private)]
    [InlineData("172.16.0.1", WebhookAddressClass.Private)]
    [InlineData("172.31.255.255", WebhookAddressClass.Private)]
    [InlineData("192.168.1.1", WebhookAddressClass.Private)]
    [InlineData("100.64.0.1", WebhookAddressClass.Private)]
    [InlineData("fd12:3456::1", WebhookAddressClass.Private)]
    [InlineData("169.254.169.254", WebhookAddressClass.LinkLocal)]
    [InlineData("169.254.0.1", WebhookAddressClass.LinkLocal)]
    [InlineData("::ffff:169.254.169.254", WebhookAddressClass.LinkLocal)]
    [InlineData("fe80::1", WebhookAddressClass.LinkLocal)]
    [InlineData("febf::1", WebhookAddressClass.LinkLocal)]
    [InlineData("fd00:ec2::254", WebhookAddressClass.LinkLocal)]
    [InlineData("100.100.100.200", WebhookAddressClass.LinkLocal)]
    [InlineData("0.0.0.0", WebhookAddressClass.Reserved)]
    [InlineData("224.0.0.1", WebhookAddressClass.Reserved)]
    [InlineData("255.255.255.255", WebhookAddressClass.Reserved)]
    [InlineData("::", WebhookAddressClass.Reserved)]
    [InlineData("ff02::1", WebhookAddressClass.Reserved)]
    public void Classifies_addresses(string address, WebhookAddressClass expected) =>
        Assert.Equal(expected, WebhookAddressPolicy.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14", true, true)]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("10.0.0.1", false, true)]
    [InlineData("169.254.169.254", false, false)]
    [InlineData("fe80::1", false, false)]
    [InlineData("0.0.0.0", false, false)]
    public void Link_local_and_reserved_are_refused_even_when_private_networks_are_allowed(string address, bool withoutPrivate, bool withPrivate)
    {
        Assert.Equal(withoutPrivate, WebhookAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: false));
        Assert.Equal(withPrivate, WebhookAddressPolicy.IsAllowed(IPAddress.Parse(address), allowPrivateNetworks: true));
    }
}
