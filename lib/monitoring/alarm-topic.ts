import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { denyGrantsExceptForAwsServices } from '../security/logs-key';

/**
 * The SNS topic the topology's alarms notify: it accepts only TLS, and is encrypted with
 * a KMS key of its own that CloudWatch may use. (CloudWatch cannot publish to a topic
 * encrypted with the AWS managed key of SNS.)
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, label: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the alarm notifications of ELB topology ${label}`,
      enableKeyRotation: true,
      // Notifications are delivered, not stored: nothing needs the key once the topic is gone.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublish',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }));
    this.key.addToResourcePolicy(denyGrantsExceptForAwsServices());
    this.topic = new sns.Topic(this, 'Topic', {
      // SNS allows display names of up to 100 characters.
      displayName: `ELB topology ${label}: alarms`.slice(0, 100),
      masterKey: this.key,
      enforceSSL: true,
    });
  }
}
