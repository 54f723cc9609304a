variable "region" {
  description = "AWS region for every resource."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name prefix for resources and the Project tag."
  type        = string
  default     = "smartcloudops"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a valid IPv4 CIDR block such as 10.0.0.0/16."
  }
}

variable "public_subnet_count" {
  description = "Public subnets, one per availability zone (each a /24 of the VPC)."
  type        = number
  default     = 2

  validation {
    condition     = var.public_subnet_count >= 1 && var.public_subnet_count <= 4
    error_message = "public_subnet_count must be between 1 and 4."
  }
}

# Each port has its own allow-list. None defaults to the internet: SSH and the consoles are opened
# only to the CIDRs you name (your office or VPN), node_exporter only inside the VPC.
variable "ssh_cidrs" {
  description = "CIDRs allowed to reach port 22 on both hosts."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.ssh_cidrs : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])
    error_message = "ssh_cidrs must be valid CIDR blocks and must not include 0.0.0.0/0."
  }
}

variable "web_cidrs" {
  description = "CIDRs allowed to reach the bot's console and Slack/Discord callbacks on port 80 of the app host."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.web_cidrs : can(cidrhost(c, 0))])
    error_message = "web_cidrs must be valid CIDR blocks."
  }
}

variable "grafana_cidrs" {
  description = "CIDRs allowed to reach Grafana on port 3000 of the monitoring host."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.grafana_cidrs : can(cidrhost(c, 0))])
    error_message = "grafana_cidrs must be valid CIDR blocks."
  }
}

variable "prometheus_cidrs" {
  description = "CIDRs allowed to reach Prometheus on port 9090 of the monitoring host."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.prometheus_cidrs : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])
    error_message = "prometheus_cidrs must be valid CIDR blocks and must not include 0.0.0.0/0 (Prometheus has no login)."
  }
}

variable "node_exporter_cidrs" {
  description = "CIDRs allowed to scrape node_exporter on port 9100; the VPC itself is always allowed."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.node_exporter_cidrs : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])
    error_message = "node_exporter_cidrs must be valid CIDR blocks and must not include 0.0.0.0/0."
  }
}

variable "app_instance_type" {
  description = "Instance type of the app host (free tier: t2.micro or t3.micro)."
  type        = string
  default     = "t3.micro"
}

variable "monitoring_instance_type" {
  description = "Instance type of the monitoring host (free tier: t2.micro or t3.micro)."
  type        = string
  default     = "t3.micro"
}

variable "root_volume_gb" {
  description = "Root volume size of each host in GiB (the free tier covers 30 GiB in total)."
  type        = number
  default     = 15
}

variable "key_name" {
  description = "Existing EC2 key pair for SSH; null to rely on SSM Session Manager only."
  type        = string
  default     = null
}

variable "log_bucket_name" {
  description = "Name of the S3 bucket for the bot's records; null derives one from name and account id."
  type        = string
  default     = null
}

variable "log_transition_days" {
  description = "Days before records move to S3 Standard-IA."
  type        = number
  default     = 30
}

variable "log_glacier_days" {
  description = "Days before records move to Glacier Instant Retrieval."
  type        = number
  default     = 90
}

variable "log_expiration_days" {
  description = "Days before records are deleted."
  type        = number
  default     = 365

  validation {
    condition     = var.log_expiration_days > var.log_glacier_days && var.log_glacier_days > var.log_transition_days
    error_message = "Lifecycle days must grow: log_transition_days < log_glacier_days < log_expiration_days."
  }
}

variable "managed_tag_key" {
  description = "Tag key marking instances the bot may run SSM commands on."
  type        = string
  default     = "SmartCloudOpsManaged"
}

variable "bot_image" {
  description = "Container image of the bot that the app host runs."
  type        = string
  default     = "ghcr.io/smartcloudops/smartcloudops:latest"
}

variable "repo_url" {
  description = "Git repository the monitoring host clones for infra/ (Prometheus, Alertmanager, Grafana files)."
  type        = string
  default     = "https://github.com/smartcloudops/smartcloudops.git"
}

variable "allow_reboot" {
  description = "Let the bot reboot tagged instances (the reboot_instance action). Off by default."
  type        = bool
  default     = false
}

variable "allow_scaling" {
  description = "Let the bot change the desired capacity of tagged Auto Scaling groups (scale_up). Off by default."
  type        = bool
  default     = false
}
