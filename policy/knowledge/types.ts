// Type tokens the rules look at. Both `aws:lb` and `aws:alb` spell the same ELBv2 resources.
export const T = {
    service: ["aws:ecs/service:Service"],
    taskSet: ["aws:ecs/taskSet:TaskSet"],
    taskDefinition: ["aws:ecs/taskDefinition:TaskDefinition"],
    cluster: ["aws:ecs/cluster:Cluster"],
    loadBalancer: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    listener: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    targetGroup: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    listenerRule: ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"],
    metricAlarm: ["aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/compositeAlarm:CompositeAlarm"],
    codeDeployGroup: ["aws:codedeploy/deploymentGroup:DeploymentGroup"],
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
    /** Its internetGatewayId output is an internet gateway's id too. */
    internetGatewayAttachment: ["aws:ec2/internetGatewayAttachment:InternetGatewayAttachment"],
    natGateway: ["aws:ec2/natGateway:NatGateway"],
    instance: ["aws:ec2/instance:Instance"],
    networkInterface: ["aws:ec2/networkInterface:NetworkInterface"],
    vpcEndpoint: ["aws:ec2/vpcEndpoint:VpcEndpoint"],
} as const;

export type Kind = keyof typeof T;

export const isKind = (type: string, kind: Kind): boolean => (T[kind] as readonly string[]).includes(type);
