/**
 * The kinds of CloudWatch alarm the topology creates, named as the fields of
 * `MonitoringSpec` that set them. Used to find an alarm with `ElbTopology.alarm()`.
 */
export enum AlarmKind {
  /** A target group has unhealthy targets (`UnHealthyHostCount`), on Application and Network Load Balancers. */
  UNHEALTHY_HOSTS = 'unhealthyHosts',
  /** An Application Load Balancer answers with 5xx errors of its own (`HTTPCode_ELB_5XX_Count`). */
  LOAD_BALANCER_5XX = 'loadBalancer5xx',
  /** The targets of an Application Load Balancer target group answer with 5xx errors (`HTTPCode_Target_5XX_Count`). */
  TARGET_5XX = 'target5xx',
  /** The targets of an Application Load Balancer target group answer slowly (`TargetResponseTime`, p90). */
  TARGET_RESPONSE_TIME = 'targetResponseTime',
  /** An Application Load Balancer rejects connections because it reached its maximum (`RejectedConnectionCount`). */
  REJECTED_CONNECTIONS = 'rejectedConnections',
  /** A Network Load Balancer resets TCP connections itself (`TCP_ELB_Reset_Count`). */
  TCP_RESETS = 'tcpResets',
}

/**
 * The settings of one kind of CloudWatch alarm.
 *
 * The alarm goes off when the metric is at or above `threshold` in `datapointsToAlarm`
 * of the last `evaluationPeriods` periods of `periodSeconds` ("M out of N"). Missing
 * data (no traffic) counts as not breaching. Each field left out takes the default of
 * the alarm kind, given on the fields of `MonitoringSpec`.
 *
 * @example
 * const slow: AlarmSpec = { threshold: 0.5, evaluationPeriods: 5, datapointsToAlarm: 3 };
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
export interface AlarmSpec {
  /**
   * Whether the topology creates this kind of alarm.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The value at or above which a period breaches, in the metric's unit: a count of
   * hosts, responses, connections or resets per period, or seconds for the response
   * time.
   *
   * A positive number.
   *
   * @default - the default of the alarm kind (see the fields of `MonitoringSpec`)
   */
  readonly threshold?: number;

  /**
   * The number of most recent periods the alarm looks at ("N").
   *
   * A whole number of at least 1; the periods together may last at most one day
   * (`evaluationPeriods` × `periodSeconds` ≤ 86,400).
   *
   * @default - the default of the alarm kind (see the fields of `MonitoringSpec`)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation.html
   */
  readonly evaluationPeriods?: number;

  /**
   * The number of breaching periods among the last `evaluationPeriods` that set the
   * alarm off ("M").
   *
   * A whole number from 1 to `evaluationPeriods`.
   *
   * @default - the default of the alarm kind (see the fields of `MonitoringSpec`), or
   * `evaluationPeriods` when that is smaller
   */
  readonly datapointsToAlarm?: number;

  /**
   * The length of one period, in seconds.
   *
   * A multiple of 60 from 60 to 86,400: Elastic Load Balancing publishes its metrics
   * once a minute, so shorter periods have no data.
   *
   * @default 60
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  readonly periodSeconds?: number;
}

/**
 * CloudWatch alarms and a dashboard for the topology's load balancers and target groups.
 *
 * By default every Application and Network Load Balancer, and every target group a
 * load balancer forwards to, gets the alarms that fit its kind, each sending its alarm
 * and OK notifications to one SNS topic; and the topology gets one dashboard with their
 * main metrics. Each kind of alarm can be tuned or turned off here.
 *
 * @example
 * const monitoring: MonitoringSpec = {
 *   alarmTopicArn: 'arn:aws:sns:us-east-1:123456789012:on-call',
 *   targetResponseTime: { threshold: 0.5 },
 *   tcpResets: { enabled: false },
 * };
 */
export interface MonitoringSpec {
  /**
   * Whether the topology creates CloudWatch alarms.
   *
   * `false` turns every alarm off, whatever the fields of each kind say.
   *
   * @default true
   */
  readonly alarmsEnabled?: boolean;

  /**
   * Whether the topology creates a CloudWatch dashboard of its load balancers and
   * target groups.
   *
   * The dashboard shows the state of every alarm, requests, errors, response times and
   * rejected connections of each Application Load Balancer, flows, bytes and TCP resets
   * of each Network Load Balancer, and healthy and unhealthy hosts of each target group.
   * Its name is the topology's construct path and the Region.
   *
   * @default true
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Dashboards.html
   */
  readonly dashboardEnabled?: boolean;

  /**
   * The ARN of an existing SNS topic that receives the alarm and OK notifications.
   *
   * A standard topic ARN (`arn:aws:sns:<region>:<account>:<name>`). If it is encrypted,
   * its key policy must let `cloudwatch.amazonaws.com` use the key. Not allowed with
   * `alarmsEnabled: false`.
   *
   * @default - the topology creates a topic (`ElbTopology.alarmTopic`), encrypted with
   * its own KMS key and accepting only TLS; it is separate from the topic of scaling
   * events (`ElbTopology.notificationTopic`)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
   */
  readonly alarmTopicArn?: string;

  /**
   * An alarm on each target group (of an Application or a Network Load Balancer) whose
   * targets fail their health checks: the maximum `UnHealthyHostCount`.
   *
   * @default - on, at 1 or more unhealthy hosts in 3 of 3 periods of 60 seconds
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  readonly unhealthyHosts?: AlarmSpec;

  /**
   * An alarm on each Application Load Balancer that answers with 5xx errors of its
   * own (no healthy target, a target that does not answer, the load balancer at
   * capacity): the sum of `HTTPCode_ELB_5XX_Count`.
   *
   * @default - on, at 10 or more responses in 3 of 3 periods of 60 seconds
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  readonly loadBalancer5xx?: AlarmSpec;

  /**
   * An alarm on each Application Load Balancer target group whose targets answer with
   * 5xx errors: the sum of `HTTPCode_Target_5XX_Count`.
   *
   * @default - on, at 10 or more responses in 3 of 3 periods of 60 seconds
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  readonly target5xx?: AlarmSpec;

  /**
   * An alarm on each Application Load Balancer target group whose targets answer
   * slowly: the 90th percentile of `TargetResponseTime`, in seconds, so that the
   * slowest tenth of requests sets it off, not the average.
   *
   * @default - on, at 1 second or more in 3 of 3 periods of 60 seconds
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  readonly targetResponseTime?: AlarmSpec;

  /**
   * An alarm on each Application Load Balancer that rejects connections because it
   * reached its maximum number of connections: the sum of `RejectedConnectionCount`.
   *
   * @default - on, at 1 or more rejected connections in 1 period of 60 seconds
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
   */
  readonly rejectedConnections?: AlarmSpec;

  /**
   * An alarm on each Network Load Balancer that resets TCP connections itself: the sum
   * of `TCP_ELB_Reset_Count`.
   *
   * The load balancer resets a connection when a target is deregistered or fails its
   * health checks (with connection termination on), when a client sends on an idle
   * connection after the idle timeout, or when it cannot reach a target. Resets by
   * clients and targets (`TCP_Client_Reset_Count`, `TCP_Target_Reset_Count`) are part
   * of the applications' normal behaviour, so they are on the dashboard, not alarmed.
   *
   * @default - on, at 100 or more resets in 3 of 3 periods of 60 seconds
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-cloudwatch-metrics.html
   */
  readonly tcpResets?: AlarmSpec;
}
