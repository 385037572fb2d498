/**
 * The fields of each spec struct, by interface name, for reporting unknown (usually
 * misspelt) fields of a spec loaded from JSON or YAML.
 *
 * Keep in step with `lib/spec/`: test/validation/names.test.ts compares every list
 * with the interface's declared properties.
 */
export const SPEC_FIELDS = {
  TopologySpec: ['network', 'hostedZones', 'fleets', 'targetGroups', 'applicationLoadBalancers', 'networkLoadBalancers', 'classicLoadBalancers', 'outputsEnabled'],
  NetworkSpec: ['cidr', 'maxAzs', 'availabilityZones', 'natGateways', 'publicSubnetCidrMask', 'appSubnetCidrMask', 'dataSubnetCidrMask', 'flowLogsEnabled', 'flowLogsRetentionDays'],
  HostedZoneSpec: ['hostedZoneId', 'zoneName'],
  FleetSpec: ['instanceType', 'minCapacity', 'maxCapacity', 'desiredCapacity', 'port', 'webServer', 'healthCheckPath', 'userDataCommands', 'subnetTier',
    'healthCheckGracePeriodSeconds', 'rootVolumeSizeGiB', 'scaleOnRequestsPerTarget', 'scaleOnRequestsTargetGroup', 'scaleOnCpuPercent'],
  TargetGroupSpec: ['protocol', 'port', 'fleet', 'healthCheck', 'deregistrationDelaySeconds', 'slowStartSeconds', 'algorithm', 'anomalyMitigationEnabled',
    'stickinessType', 'stickinessCookieDurationSeconds', 'stickinessCookieName', 'applicationLoadBalancer', 'preserveClientIp', 'proxyProtocolV2',
    'connectionTerminationEnabled'],
  HealthCheckSpec: ['protocol', 'path', 'port', 'healthyHttpCodes', 'intervalSeconds', 'timeoutSeconds', 'healthyThresholdCount', 'unhealthyThresholdCount'],
  ApplicationLoadBalancerSpec: ['internetFacing', 'subnetTier', 'ingressCidrs', 'allowFrom', 'listeners', 'httpToHttpsRedirectEnabled', 'rules', 'domainName',
    'subjectAlternativeNames', 'hostedZone', 'certificateArn', 'additionalCertificateArns', 'aliasRecordEnabled', 'dropInvalidHeaderFieldsEnabled',
    'desyncMitigationMode', 'deletionProtection', 'accessLogsEnabled', 'idleTimeoutSeconds'],
  ApplicationListenerSpec: ['protocol', 'port', 'sslPolicy', 'defaultAction'],
  ListenerActionSpec: ['forward', 'weightedForward', 'redirect', 'fixedResponse'],
  ListenerRuleSpec: ['name', 'priority', 'listener', 'conditions', 'forward', 'weightedForward', 'redirect', 'fixedResponse'],
  ListenerConditionSpec: ['pathPatterns', 'hostHeaders', 'httpHeaders', 'queryStrings', 'httpRequestMethods', 'sourceIps'],
  QueryStringMatchSpec: ['key', 'value'],
  ForwardActionSpec: ['targetGroup'],
  WeightedForwardActionSpec: ['targetGroups', 'stickinessDurationSeconds'],
  WeightedTargetGroupSpec: ['targetGroup', 'weight'],
  RedirectActionSpec: ['protocol', 'host', 'port', 'path', 'query', 'permanent'],
  FixedResponseActionSpec: ['statusCode', 'contentType', 'messageBody'],
  NetworkLoadBalancerSpec: ['internetFacing', 'subnetTier', 'listeners', 'elasticIpsEnabled', 'elasticIpAllocationIds', 'privateIpv4Addresses',
    'crossZoneEnabled', 'ingressCidrs', 'allowFrom', 'domainName', 'hostedZone', 'certificateArn', 'deletionProtection'],
  NetworkListenerSpec: ['protocol', 'port', 'targetGroup', 'sslPolicy', 'alpnPolicy'],
  ClassicLoadBalancerSpec: ['fleets', 'listeners', 'internetFacing', 'subnetTier', 'ingressCidrs', 'healthCheck', 'crossZoneEnabled', 'connectionDrainingEnabled',
    'connectionDrainingSeconds', 'idleTimeoutSeconds', 'stickinessType', 'stickinessCookieDurationSeconds', 'stickinessCookieName', 'accessLogsEnabled'],
  ClassicListenerSpec: ['externalPort', 'externalProtocol', 'internalPort', 'internalProtocol', 'certificateArn', 'sslPolicy'],
  ClassicHealthCheckSpec: ['protocol', 'port', 'path', 'intervalSeconds', 'timeoutSeconds', 'healthyThresholdCount', 'unhealthyThresholdCount'],
} as const;

export type SpecStruct = keyof typeof SPEC_FIELDS;
