// Type tokens the rules look at. Both `aws:lb` and `aws:alb` spell the same ELBv2 resources.
export const T = {
    service: ["aws:ecs/service:Service"],
    taskSet: ["aws:ecs/taskSet:TaskSet"],
    taskDefinition: ["aws:ecs/taskDefinition:TaskDefinition"],
    cluster: ["aws:ecs/cluster:Cluster"],
    /** Cloud Map namespaces (Service Connect's and service discovery's). */
    namespace: [
        "aws:servicediscovery/httpNamespace:HttpNamespace",
        "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
        "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace",
    ],
    loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    listener: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    targetGroup: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    listenerRule: ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"],
    metricAlarm: ["aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/compositeAlarm:CompositeAlarm"],
    // Application Auto Scaling: a scalable target (e.g. a service's desired count) and its scheduled actions.
    scalableTarget: ["aws:appautoscaling/target:Target"],
    scheduledAction: ["aws:appautoscaling/scheduledAction:ScheduledAction"],
    codeDeployGroup: ["aws:codedeploy/deploymentGroup:DeploymentGroup"],
    role: ["aws:iam/role:Role"],
    rolePolicy: ["aws:iam/rolePolicy:RolePolicy"],
    rolePolicyAttachment: ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"],
    managedPolicy: ["aws:iam/policy:Policy"],
    policyAttachment: ["aws:iam/policyAttachment:PolicyAttachment"],
    userPolicyAttachment: ["aws:iam/userPolicyAttachment:UserPolicyAttachment"],
    groupPolicyAttachment: ["aws:iam/groupPolicyAttachment:GroupPolicyAttachment"],
    /** The exclusive attachment sets: their `policyArns` are every managed policy of the role, user or group. */
    policyAttachmentsExclusive: [
        "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
        "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
        "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
    ],
    securityGroup: ["aws:ec2/securityGroup:SecurityGroup"],
    securityGroupRule: ["aws:ec2/securityGroupRule:SecurityGroupRule"],
    ingressRule: ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"],
    egressRule: ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"],
    repository: ["aws:ecr/repository:Repository"],
    repositoryPolicy: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
    lifecyclePolicy: ["aws:ecr/lifecyclePolicy:LifecyclePolicy"],
    logGroup: ["aws:cloudwatch/logGroup:LogGroup"],
    subnet: ["aws:ec2/subnet:Subnet"],
    routeTable: ["aws:ec2/routeTable:RouteTable"],
    route: ["aws:ec2/route:Route"],
    routeTableAssociation: ["aws:ec2/routeTableAssociation:RouteTableAssociation"],
    internetGateway: ["aws:ec2/internetGateway:InternetGateway"],
    /** Its internetGatewayId output is an internet gateway's id too. */
    internetGatewayAttachment: ["aws:ec2/internetGatewayAttachment:InternetGatewayAttachment"],
    natGateway: ["aws:ec2/natGateway:NatGateway"],
    instance: ["aws:ec2/instance:Instance"],
    networkInterface: ["aws:ec2/networkInterface:NetworkInterface"],
    vpcEndpoint: ["aws:ec2/vpcEndpoint:VpcEndpoint"],
    userPolicy: ["aws:iam/userPolicy:UserPolicy"],
    groupPolicy: ["aws:iam/groupPolicy:GroupPolicy"],
    kmsKey: ["aws:kms/key:Key"],
    kmsKeyPolicy: ["aws:kms/keyPolicy:KeyPolicy"],
    vpc: ["aws:ec2/vpc:Vpc"],
    defaultSecurityGroup: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    flowLog: ["aws:ec2/flowLog:FlowLog"],
    classicLoadBalancer: ["aws:elb/loadBalancer:LoadBalancer"],
    // The edge: web ACLs, their associations with load balancers, and their logging.
    webAcl: ["aws:wafv2/webAcl:WebAcl"],
    webAclAssociation: ["aws:wafv2/webAclAssociation:WebAclAssociation"],
    webAclLogging: ["aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"],
    // EC2 container instances and their capacity.
    launchTemplate: ["aws:ec2/launchTemplate:LaunchTemplate"],
    launchConfiguration: ["aws:ec2/launchConfiguration:LaunchConfiguration"],
    autoScalingGroup: ["aws:autoscaling/group:Group"],
    capacityProvider: ["aws:ecs/capacityProvider:CapacityProvider"],
    instanceProfile: ["aws:iam/instanceProfile:InstanceProfile"],
    // CI/CD: pipelines, build projects and their artifact buckets.
    pipeline: ["aws:codepipeline/pipeline:Pipeline"],
    buildProject: ["aws:codebuild/project:Project"],
    bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    bucketEncryption: [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    bucketPublicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    bucketLifecycle: [
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    ],
    bucketPolicy: ["aws:s3/bucketPolicy:BucketPolicy"],
    bucketOwnershipControls: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
    bucketVersioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
    bucketLogging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
} as const;

export type Kind = keyof typeof T;

export const isKind = (type: string, kind: Kind): boolean => (T[kind] as readonly string[]).includes(type);
