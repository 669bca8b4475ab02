// One Azurite for every storage test of this assembly, started once: each test uses its own table names.
[assembly: AssemblyFixture(typeof(Alerts.Testing.AzuriteFixture))]
