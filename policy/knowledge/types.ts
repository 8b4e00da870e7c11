// Type tokens the rules look at. Both `aws:lb` and `aws:alb` spell the same ELBv2 resources.
export const T = {
    service: ["aws:ecs/service:Service"],
    taskSet: ["aws:ecs/taskSet:TaskSet"],
    taskDefinition: ["aws:ecs/taskDefinition:TaskDefinition"],
    cluster: ["aws:ecs/cluster:Cluster"],
    loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    listener: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    targetGroup: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    role: ["aws:iam/role:Role"],
    rolePolicy: ["aws:iam/rolePolicy:RolePolicy"],
    rolePolicyAttachment: ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"],
    managedPolicy: ["aws:iam/policy:Policy"],
    policyAttachment: ["aws:iam/policyAttachment:PolicyAttachment"],
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
    natGateway: ["aws:ec2/natGateway:NatGateway"],
    // EC2 container instances and their capacity.
    launchTemplate: ["aws:ec2/launchTemplate:LaunchTemplate"],
    launchConfiguration: ["aws:ec2/launchConfiguration:LaunchConfiguration"],
    instance: ["aws:ec2/instance:Instance"],
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
} as const;

export type Kind = keyof typeof T;

export const isKind = (type: string, kind: Kind): boolean => (T[kind] as readonly string[]).includes(type);
