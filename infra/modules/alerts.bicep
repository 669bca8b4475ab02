// What tells operators Alerts needs them: an action group that e-mails them, log-query alert rules over the app's
// metrics in Application Insights (see docs/operations.md, "Alert rules"), and a workbook that charts the pipeline.

param location string
param tags object

@description('Application Insights the app exports its metrics to.')
param applicationInsightsId string

@description('E-mail address alerts go to; empty deploys the rules without notifying anyone.')
param alertEmail string = ''

@description('Days without a single match on any topic after which the coverage alert fires; 0 leaves it out.')
@minValue(0)
param topicSilenceDays int = 0

var notify = empty(alertEmail) ? [] : [actionGroup.id]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-alerts-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'alerts-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var rules = [
  {
    name: 'alerts-poison-messages'
    description: 'A message is parked in a poison queue: it failed five times and waits for an operator.'
    severity: 2
    window: 'PT1H'
    frequency: 'PT15M'
    query: 'customMetrics | where name == "alerts.queue.poison" | extend queue = tostring(customDimensions["queue"]) | summarize parked = max(value) by queue | where parked > 0'
  }
  {
    name: 'alerts-delivery-failures'
    description: 'More than 10% of deliveries failed over 15 minutes.'
    severity: 2
    window: 'PT15M'
    frequency: 'PT5M'
    query: 'customMetrics | where name == "alerts.notifications" | extend status = tostring(customDimensions["status"]) | summarize failed = sumif(valueSum, status == "failed"), all = sumif(valueSum, status in ("sent", "failed")) | where all > 0 and failed > 0.1 * all'
  }
  {
    name: 'alerts-no-new-articles'
    description: 'No new article from any source for an hour.'
    severity: 3
    window: 'PT1H'
    frequency: 'PT15M'
    query: 'union (print n = 0.0), (customMetrics | where name == "alerts.feed.entries" and tostring(customDimensions["outcome"]) == "new" | project n = valueSum) | summarize newArticles = sum(n) | where newArticles == 0'
  }
  {
    name: 'alerts-source-failing'
    description: 'A source has failed every fetch for six hours.'
    severity: 3
    window: 'PT6H'
    frequency: 'PT1H'
    query: 'customMetrics | where name == "alerts.feed.fetches" | extend source = tostring(customDimensions["source"]), outcome = tostring(customDimensions["outcome"]) | summarize ok = sumif(valueSum, outcome != "error"), failed = sumif(valueSum, outcome == "error") by source | where ok == 0 and failed > 0'
  }
]

resource queryRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: rule.name
  location: location
  tags: tags
  properties: {
    displayName: rule.name
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: notify
    }
  }
}]

resource topicSilence 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = if (topicSilenceDays > 0) {
  name: 'alerts-topic-silent'
  location: location
  tags: tags
  properties: {
    displayName: 'alerts-topic-silent'
    description: 'No topic has matched anything for the configured number of days while sources were fetched: coverage may have broken.'
    severity: 3
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'P1D'
    windowSize: 'P1D'
    criteria: {
      allOf: [
        {
          query: 'let fetched = toscalar(customMetrics | where timestamp > ago(${topicSilenceDays}d) and name == "alerts.feed.fetches" and tostring(customDimensions["outcome"]) != "error" | summarize sum(valueSum)); customMetrics | where timestamp > ago(${topicSilenceDays}d) and name == "alerts.topic.matches" | summarize matches = sum(valueSum) | union (print matches = 0.0) | summarize matches = sum(matches) | where matches == 0 and fetched > 0'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: notify
    }
  }
}

var workbookContent = {
  version: 'Notebook/1.0'
  items: [
    {
      type: 1
      content: {
        json: '## Alerts pipeline\nIngestion, matching, delivery, latency, failures and poison, from the app\'s metrics (meter `Alerts`).'
      }
    }
    chart('Feed fetches by outcome', 'customMetrics | where name == "alerts.feed.fetches" | summarize fetches = sum(valueSum) by outcome = tostring(customDimensions["outcome"]), bin(timestamp, 1h) | render timechart')
    chart('Entries by what intake made of them', 'customMetrics | where name == "alerts.feed.entries" | summarize entries = sum(valueSum) by outcome = tostring(customDimensions["outcome"]), bin(timestamp, 1h) | render timechart')
    chart('Alerts per topic', 'customMetrics | where name == "alerts.topic.alerts" | summarize alerts = sum(valueSum) by topic = tostring(customDimensions["topic"]), bin(timestamp, 1d) | render columnchart')
    chart('Notifications by channel and status', 'customMetrics | where name == "alerts.notifications" | summarize notifications = sum(valueSum) by status = strcat(tostring(customDimensions["channel"]), " ", tostring(customDimensions["status"])), bin(timestamp, 1h) | render timechart')
    chart('Delivery latency since ingestion (s)', 'customMetrics | where name == "alerts.delivery.since_ingested" | summarize average = sum(valueSum) / sum(valueCount), worst = max(valueMax) by bin(timestamp, 1h) | render timechart')
    chart('Poison messages per queue', 'customMetrics | where name == "alerts.queue.poison" | summarize parked = max(value) by queue = tostring(customDimensions["queue"]), bin(timestamp, 1h) | render timechart')
  ]
}

func chart(title string, query string) object => {
  type: 3
  content: {
    version: 'KqlItem/1.0'
    title: title
    query: query
    queryType: 0
    resourceType: 'microsoft.insights/components'
    size: 0
  }
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'alerts-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Alerts pipeline'
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: string(workbookContent)
  }
}

output ruleNames array = [for (rule, i) in rules: queryRules[i].name]
output workbookId string = workbook.id
