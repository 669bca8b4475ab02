// One private, in-memory Azurite per test run, on free ports: each test uses its own queue and table names.
[assembly: AssemblyFixture(typeof(Alerts.Testing.AzuriteFixture))]
